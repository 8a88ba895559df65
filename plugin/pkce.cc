#include "plugin/pkce.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdlib>

#include "absl/strings/escaping.h"

namespace wor::plugin {

std::string Base64UrlEncode(absl::string_view bytes) {
  std::string out;
  absl::WebSafeBase64Escape(bytes, &out);  // no padding
  return out;
}

std::string RandomToken(size_t bytes) {
  std::string buffer(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(buffer.data()),
                 static_cast<int>(bytes)) != 1) {
    // Only when OpenSSL's generator is broken: nothing secret can be made.
    std::abort();
  }
  return Base64UrlEncode(buffer);
}

std::string NewCodeVerifier() { return RandomToken(32); }

std::string CodeChallengeS256(absl::string_view verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(verifier.data(), verifier.size(), digest, &length,
                 EVP_sha256(), nullptr) != 1) {
    std::abort();
  }
  return Base64UrlEncode(
      absl::string_view(reinterpret_cast<const char*>(digest), length));
}

}  // namespace wor::plugin
