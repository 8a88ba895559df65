#include "server/domain/partner_pseudonyms.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "server/crypto/digest.h"

namespace wor::server {
namespace {

constexpr int kPseudonymLength = 26;  // x 5 bits = 130 bits of the HMAC

// RFC 4648 base32 alphabet, lower case, no padding.
std::string Base32(absl::string_view bytes, int length) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && static_cast<int>(out.size()) < length) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 0x1f]);
      bits -= 5;
    }
  }
  return out;
}

}  // namespace

std::string PartnerPseudonyms::For(absl::string_view partner,
                                   absl::string_view patient_pseudonym) const {
  const std::string partner_key = crypto::HmacSha256(
      secret_, absl::StrCat(absl::string_view("wor partner pseudonym v1\0", 25),
                            partner));
  return Base32(crypto::HmacSha256(partner_key, patient_pseudonym),
                kPseudonymLength);
}

}  // namespace wor::server
