// ES256 keys and compact JWTs: round trips, the RFC 7515 example, and every
// kind of malformed or wrong-algorithm token refused as UNAUTHENTICATED with
// a message that repeats nothing of the token.
#include "server/crypto/es256_jwt.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace wor::server::crypto {
namespace {

using ::absl::WebSafeBase64Escape;
using ::testing::HasSubstr;
using ::testing::Not;

// RFC 7515 Appendix A.3: the ES256 example key (public half) and token.
constexpr char kRfcX[] = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
constexpr char kRfcY[] = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
constexpr char kRfcToken[] =
    "eyJhbGciOiJFUzI1NiJ9"
    "."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
    "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    "."
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSA"
    "pmWQxfKTUJqPP3-Kg6NU1Q";

// A PEM "PUBLIC KEY" for the P-256 point (x, y), both base64url: the fixed
// DER prefix of a P-256 SubjectPublicKeyInfo, then 04 || x || y.
std::string P256PublicKeyPem(const std::string& x_b64,
                             const std::string& y_b64) {
  std::string x, y;
  EXPECT_TRUE(absl::WebSafeBase64Unescape(x_b64, &x));
  EXPECT_TRUE(absl::WebSafeBase64Unescape(y_b64, &y));
  std::string der = absl::HexStringToBytes(
                        "3059301306072a8648ce3d020106082a8648ce3d030107034200"
                        "04") +
                    x + y;
  std::string body = absl::Base64Escape(der);
  std::string pem = "-----BEGIN PUBLIC KEY-----\n";
  for (size_t i = 0; i < body.size(); i += 64) {
    absl::StrAppend(&pem, body.substr(i, 64), "\n");
  }
  return pem + "-----END PUBLIC KEY-----\n";
}

// PEM of a freshly generated key of another type (e.g. "secp384r1"), written
// through OpenSSL directly, to check that such keys are refused.
std::string OtherKeyPem(EVP_PKEY* key, bool private_key) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (private_key) {
    PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  } else {
    PEM_write_bio_PUBKEY(bio, key);
  }
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(length));
  BIO_free(bio);
  EVP_PKEY_free(key);
  return pem;
}

std::string B64(const std::string& text) { return WebSafeBase64Escape(text); }

// A token with the given header, a fixed payload and a well-formed (but
// meaningless) 64-byte signature.
std::string TokenWithHeader(const std::string& header_json) {
  return absl::StrCat(B64(header_json), ".", B64(R"({"sub":"secret-user"})"),
                      ".", B64(std::string(64, '\x01')));
}

TEST(Es256PrivateKey, SignatureIs64BytesAndVerifiesWithItsPublicKey) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  std::string signature = key.Sign("data");
  EXPECT_EQ(signature.size(), 64u);
  absl::StatusOr<Es256PublicKey> public_key =
      Es256PublicKey::FromPem(key.PublicKeyPem());
  ASSERT_THAT(public_key, IsOk());
  EXPECT_TRUE(public_key->Verify("data", signature));
  EXPECT_FALSE(public_key->Verify("datA", signature));
}

TEST(Es256PublicKey, RefusesASignatureMadeWithAnotherKey) {
  Es256PrivateKey signer = Es256PrivateKey::Generate();
  Es256PrivateKey other = Es256PrivateKey::Generate();
  absl::StatusOr<Es256PublicKey> other_public =
      Es256PublicKey::FromPem(other.PublicKeyPem());
  ASSERT_THAT(other_public, IsOk());
  EXPECT_FALSE(other_public->Verify("data", signer.Sign("data")));
}

TEST(Es256PublicKey, RefusesSignaturesOfTheWrongShape) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  absl::StatusOr<Es256PublicKey> public_key =
      Es256PublicKey::FromPem(key.PublicKeyPem());
  ASSERT_THAT(public_key, IsOk());
  std::string signature = key.Sign("data");
  EXPECT_FALSE(public_key->Verify("data", ""));
  EXPECT_FALSE(public_key->Verify("data", signature.substr(0, 63)));
  EXPECT_FALSE(public_key->Verify("data", signature + std::string(1, '\0')));
  EXPECT_FALSE(public_key->Verify("data", std::string(64, '\0')));
  std::string flipped = signature;
  flipped[40] ^= 0x80;
  EXPECT_FALSE(public_key->Verify("data", flipped));
}

TEST(Es256PublicKey, ADefaultConstructedKeyVerifiesNothing) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  EXPECT_FALSE(Es256PublicKey().Verify("data", key.Sign("data")));
}

TEST(Es256Keys, RefuseKeysThatAreNotPem) {
  EXPECT_THAT(Es256PublicKey::FromPem(""),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Es256PublicKey::FromPem("not a key"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Es256PrivateKey::FromPem("not a key"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  // A public key is not a private key.
  EXPECT_THAT(
      Es256PrivateKey::FromPem(Es256PrivateKey::Generate().PublicKeyPem()),
      StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(Es256Keys, RefuseEcKeysOnOtherCurvesAndOtherKeyTypes) {
  EVP_PKEY* p384 = EVP_EC_gen("secp384r1");
  ASSERT_NE(p384, nullptr);
  EVP_PKEY_up_ref(p384);
  EXPECT_THAT(Es256PublicKey::FromPem(OtherKeyPem(p384, false)),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Es256PrivateKey::FromPem(OtherKeyPem(p384, true)),
              StatusIs(absl::StatusCode::kInvalidArgument));

  EVP_PKEY* ed25519 = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  ASSERT_NE(ed25519, nullptr);
  EXPECT_THAT(Es256PublicKey::FromPem(OtherKeyPem(ed25519, false)),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(SignEs256Jwt, RoundTripsThroughDecodeAndVerify) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  const std::string payload = R"({"iss":"agb:01012345","sub":"u-1"})";
  std::string token = SignEs256Jwt(key, "dev-1", payload);

  absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(token);
  ASSERT_THAT(jwt, IsOk());
  EXPECT_EQ(jwt->key_id, "dev-1");
  EXPECT_EQ(jwt->payload_json, payload);
  EXPECT_EQ(jwt->header_json, R"({"alg":"ES256","typ":"JWT","kid":"dev-1"})");
  EXPECT_EQ(jwt->signed_data, token.substr(0, token.rfind('.')));
  absl::StatusOr<Es256PublicKey> public_key =
      Es256PublicKey::FromPem(key.PublicKeyPem());
  ASSERT_THAT(public_key, IsOk());
  EXPECT_TRUE(public_key->Verify(jwt->signed_data, jwt->signature));
}

TEST(SignEs256Jwt, EscapesTheKeyIdAsAJsonString) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  const std::string awkward = "a\"b\\c\n";
  absl::StatusOr<DecodedJwt> jwt =
      DecodeEs256Jwt(SignEs256Jwt(key, awkward, "{}"));
  ASSERT_THAT(jwt, IsOk());
  EXPECT_EQ(jwt->key_id, awkward);
}

TEST(DecodeEs256Jwt, VerifiesTheRfc7515AppendixA3Example) {
  absl::StatusOr<Es256PublicKey> key =
      Es256PublicKey::FromPem(P256PublicKeyPem(kRfcX, kRfcY));
  ASSERT_THAT(key, IsOk());
  absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(kRfcToken);
  ASSERT_THAT(jwt, IsOk());
  EXPECT_EQ(jwt->key_id, "");
  EXPECT_EQ(jwt->header_json, R"({"alg":"ES256"})");
  EXPECT_THAT(jwt->payload_json, HasSubstr(R"("iss":"joe")"));
  EXPECT_TRUE(key->Verify(jwt->signed_data, jwt->signature));
}

TEST(DecodeEs256Jwt, TheRfcExampleFailsWhenThePayloadIsChanged) {
  absl::StatusOr<Es256PublicKey> key =
      Es256PublicKey::FromPem(P256PublicKeyPem(kRfcX, kRfcY));
  ASSERT_THAT(key, IsOk());
  std::vector<std::string> parts = absl::StrSplit(kRfcToken, '.');
  parts[1] = B64(
      R"({"iss":"joe","exp":1300819380,"http://example.com/is_root":false})");
  absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(absl::StrJoin(parts, "."));
  ASSERT_THAT(jwt, IsOk());
  EXPECT_FALSE(key->Verify(jwt->signed_data, jwt->signature));
}

TEST(DecodeEs256Jwt, RefusesOtherAlgorithmsBeforeAnyKeyIsUsed) {
  for (const char* header :
       {R"({"alg":"none"})", R"({"alg":"HS256","typ":"JWT"})",
        R"({"alg":"RS256"})", R"({"alg":"ES384"})", R"({"alg":"es256"})",
        R"({"alg":"ES256 "})", R"({"alg":["ES256"]})", R"({"alg":null})",
        R"({"typ":"JWT"})", R"({"alg":"none","alg":"ES256"})",
        R"({"alg":"ES256","alg":"none"})"}) {
    EXPECT_THAT(DecodeEs256Jwt(TokenWithHeader(header)),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << header;
  }
}

TEST(DecodeEs256Jwt, RefusesAnUnsignedAlgNoneTokenWithAnEmptySignature) {
  std::string token =
      absl::StrCat(B64(R"({"alg":"none"})"), ".", B64(R"({"sub":"x"})"), ".");
  EXPECT_THAT(DecodeEs256Jwt(token),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST(DecodeEs256Jwt, RefusesHeadersThatAreNotJsonObjects) {
  for (const char* header : {"", "not json", "[]", R"(["ES256"])", "\"ES256\"",
                             "{", R"({"alg":"ES256"} trailing)"}) {
    EXPECT_THAT(DecodeEs256Jwt(TokenWithHeader(header)),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << header;
  }
}

TEST(DecodeEs256Jwt, RefusesCriticalExtensionsAndANonStringKeyId) {
  EXPECT_THAT(
      DecodeEs256Jwt(TokenWithHeader(R"({"alg":"ES256","crit":["b64"]})")),
      StatusIs(absl::StatusCode::kUnauthenticated));
  EXPECT_THAT(DecodeEs256Jwt(TokenWithHeader(R"({"alg":"ES256","kid":7})")),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST(DecodeEs256Jwt, RefusesTheWrongNumberOfParts) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  std::string token = SignEs256Jwt(key, "k", "{}");
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  for (const std::string& malformed :
       {std::string(), std::string("."), std::string(".."), parts[0],
        absl::StrCat(parts[0], ".", parts[1]), absl::StrCat(token, "."),
        absl::StrCat(token, ".", parts[2]),
        absl::StrCat(".", parts[1], ".", parts[2]),
        absl::StrCat(parts[0], "..", parts[2]),
        absl::StrCat(parts[0], ".", parts[1], ".")}) {
    EXPECT_THAT(DecodeEs256Jwt(malformed),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << malformed;
  }
}

TEST(DecodeEs256Jwt, RefusesBase64ThatIsNotUnpaddedBase64Url) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  std::string token = SignEs256Jwt(key, "k", R"({"a":1})");
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  const std::string header = absl::Base64Escape(R"({"alg":"ES256","kid":"k"})");
  ASSERT_NE(header.find('='), std::string::npos);  // padded standard base64
  for (const std::string& malformed :
       {absl::StrCat(header, ".", parts[1], ".", parts[2]),
        absl::StrCat(parts[0], "!", ".", parts[1], ".", parts[2]),
        absl::StrCat(parts[0], ".", parts[1], " ", ".", parts[2]),
        absl::StrCat(parts[0], ".", parts[1], ".", parts[2], "+/"),
        absl::StrCat(parts[0], ".", parts[1], ".", parts[2].substr(1)),
        absl::StrCat(parts[0], "A", ".", parts[1], ".", parts[2]),
        absl::StrCat(parts[0], ".", parts[1], "\n.", parts[2])}) {
    EXPECT_THAT(DecodeEs256Jwt(malformed),
                StatusIs(absl::StatusCode::kUnauthenticated))
        << malformed;
  }
}

TEST(DecodeEs256Jwt, RefusesASignatureThatIsNot64Bytes) {
  std::string token = absl::StrCat(B64(R"({"alg":"ES256"})"), ".", B64("{}"),
                                   ".", B64(std::string(72, '\x30')));
  EXPECT_THAT(DecodeEs256Jwt(token),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST(DecodeEs256Jwt, RefusesOversizedTokens) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  std::string token = SignEs256Jwt(
      key, "k", absl::StrCat(R"({"pad":")", std::string(20000, 'a'), "\"}"));
  EXPECT_THAT(DecodeEs256Jwt(token),
              StatusIs(absl::StatusCode::kUnauthenticated));
}

TEST(DecodeEs256Jwt, ErrorMessagesRepeatNothingOfTheToken) {
  const std::string marker = "zzSECRETzz";
  for (const std::string& token :
       {TokenWithHeader(absl::StrCat(R"({"alg":")", marker, "\"}")),
        TokenWithHeader(marker), absl::StrCat(marker, ".", marker),
        absl::StrCat(B64(marker), ".", B64(marker), ".", B64(marker)),
        absl::StrCat(marker, ".", marker, ".", marker)}) {
    absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(token);
    ASSERT_THAT(jwt, StatusIs(absl::StatusCode::kUnauthenticated));
    EXPECT_THAT(std::string(jwt.status().message()), Not(HasSubstr(marker)));
    EXPECT_THAT(std::string(jwt.status().message()),
                Not(HasSubstr("secret-user")));
    EXPECT_THAT(std::string(jwt.status().message()),
                Not(HasSubstr(B64(marker))));
  }
}

}  // namespace
}  // namespace wor::server::crypto
