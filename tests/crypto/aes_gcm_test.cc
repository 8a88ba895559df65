// AES-256-GCM: a known answer from the GCM specification, round trips, and
// every kind of tampering refused with DATA_LOSS.
#include "server/crypto/aes_gcm.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "server/crypto/digest.h"
#include "tests/common/status_matchers.h"

namespace wor::server::crypto {
namespace {

using ::testing::Eq;

constexpr size_t kNonce = 12;
constexpr size_t kTag = 16;

std::string TestKey() { return std::string(kAes256KeyBytes, '\x42'); }

TEST(AesGcmOpen, OpensTheGcmSpecificationTestCase14) {
  // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 14:
  // zero key, zero 96-bit IV, one zero block.
  std::string box = absl::HexStringToBytes(
      "000000000000000000000000"            // nonce
      "cea7403d4d606b6e074ec5d3baf39d18"    // ciphertext
      "d0d1c8a799996bf0265b98b5d48ab919");  // tag
  EXPECT_THAT(AesGcmOpen(std::string(32, '\0'), box, ""),
              IsOkAndHolds(Eq(std::string(16, '\0'))));
}

TEST(AesGcmSeal, BoxIsNonceThenCiphertextThenTag) {
  absl::StatusOr<std::string> box = AesGcmSeal(TestKey(), "hello", "row-1");
  ASSERT_THAT(box, IsOk());
  EXPECT_EQ(box->size(), kNonce + 5 + kTag);
}

TEST(AesGcm, RoundTripsWithAssociatedData) {
  for (const std::string& plaintext :
       {std::string(), std::string("x"), std::string(1000, 'z'),
        std::string("bytes\0with\0nul", 14)}) {
    absl::StatusOr<std::string> box = AesGcmSeal(TestKey(), plaintext, "id");
    ASSERT_THAT(box, IsOk());
    EXPECT_THAT(AesGcmOpen(TestKey(), *box, "id"), IsOkAndHolds(Eq(plaintext)));
  }
}

TEST(AesGcmSeal, TwoSealsOfTheSamePlaintextDiffer) {
  absl::StatusOr<std::string> a = AesGcmSeal(TestKey(), "same", "id");
  absl::StatusOr<std::string> b = AesGcmSeal(TestKey(), "same", "id");
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  EXPECT_NE(*a, *b);
  EXPECT_NE(a->substr(0, kNonce), b->substr(0, kNonce));
}

TEST(AesGcmOpen, RefusesAFlippedBitInEachRegionOfTheBox) {
  absl::StatusOr<std::string> box =
      AesGcmSeal(TestKey(), "sixteen byte msg", "id");
  ASSERT_THAT(box, IsOk());
  const size_t ciphertext_start = kNonce;
  const size_t tag_start = box->size() - kTag;
  for (size_t position : {size_t{0}, kNonce - 1,            // nonce
                          ciphertext_start, tag_start - 1,  // ciphertext
                          tag_start, box->size() - 1}) {    // tag
    std::string tampered = *box;
    tampered[position] ^= 0x01;
    EXPECT_THAT(AesGcmOpen(TestKey(), tampered, "id"),
                StatusIs(absl::StatusCode::kDataLoss))
        << "byte " << position;
  }
}

TEST(AesGcmOpen, RefusesTruncatedOrExtendedBoxes) {
  absl::StatusOr<std::string> box = AesGcmSeal(TestKey(), "message", "id");
  ASSERT_THAT(box, IsOk());
  EXPECT_THAT(AesGcmOpen(TestKey(), box->substr(0, box->size() - 1), "id"),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(AesGcmOpen(TestKey(), *box + "x", "id"),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(AesGcmOpen(TestKey(), box->substr(0, kNonce + kTag - 1), "id"),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(AesGcmOpen(TestKey(), "", "id"),
              StatusIs(absl::StatusCode::kDataLoss));
}

TEST(AesGcmOpen, RefusesABoxMovedToAnotherRecord) {
  absl::StatusOr<std::string> box = AesGcmSeal(TestKey(), "message", "row-1");
  ASSERT_THAT(box, IsOk());
  EXPECT_THAT(AesGcmOpen(TestKey(), *box, "row-2"),
              StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(AesGcmOpen(TestKey(), *box, ""),
              StatusIs(absl::StatusCode::kDataLoss));
}

TEST(AesGcmOpen, RefusesABoxSealedUnderAnotherKey) {
  absl::StatusOr<std::string> box = AesGcmSeal(TestKey(), "message", "id");
  ASSERT_THAT(box, IsOk());
  EXPECT_THAT(AesGcmOpen(RandomBytes(kAes256KeyBytes), *box, "id"),
              StatusIs(absl::StatusCode::kDataLoss));
}

TEST(AesGcm, RefusesKeysThatAreNot32Bytes) {
  for (size_t length : {0, 16, 24, 31, 33, 64}) {
    std::string key(length, 'k');
    EXPECT_THAT(AesGcmSeal(key, "message", "id"),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << length;
    EXPECT_THAT(AesGcmOpen(key, std::string(40, '\0'), "id"),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << length;
  }
}

}  // namespace
}  // namespace wor::server::crypto
