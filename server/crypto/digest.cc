// SHA-256, HMAC-SHA-256, random bytes and constant-time comparison, each a
// thin wrapper over one OpenSSL call.
#include "server/crypto/digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace wor::server::crypto {
namespace {

const unsigned char* Bytes(absl::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

// SHA-256 and HMAC cannot fail for in-memory input unless OpenSSL itself is
// broken (out of memory, provider missing); that is "cannot happen".
[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "wor crypto: %s failed inside OpenSSL\n", what);
  std::abort();
}

}  // namespace

std::string Sha256(absl::string_view data) {
  std::string digest(32, '\0');
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(),
                 reinterpret_cast<unsigned char*>(digest.data()), &length,
                 EVP_sha256(), nullptr) != 1 ||
      length != digest.size()) {
    Die("SHA-256");
  }
  return digest;
}

std::string HmacSha256(absl::string_view key, absl::string_view data) {
  std::string mac(32, '\0');
  unsigned int length = 0;
  // HMAC() with a null key pointer would treat it as "no key"; an empty key
  // is a valid (if weak) HMAC key, so point at a harmless byte instead.
  static const unsigned char kEmpty = 0;
  const void* key_bytes =
      key.empty() ? static_cast<const void*>(&kEmpty) : key.data();
  if (HMAC(EVP_sha256(), key_bytes, static_cast<int>(key.size()), Bytes(data),
           data.size(), reinterpret_cast<unsigned char*>(mac.data()),
           &length) == nullptr ||
      length != mac.size()) {
    Die("HMAC-SHA-256");
  }
  return mac;
}

std::string RandomBytes(size_t count) {
  std::string bytes(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()),
                              static_cast<int>(count)) != 1) {
    Die("RAND_bytes");
  }
  return bytes;
}

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  // The length is not secret (digests and MACs have fixed lengths).
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace wor::server::crypto
