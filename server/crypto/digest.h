// SHA-256 and HMAC-SHA-256 through OpenSSL, and cryptographic random bytes.
// All results are raw bytes; use absl::BytesToHexString to show them.
#ifndef WOR_SERVER_CRYPTO_DIGEST_H_
#define WOR_SERVER_CRYPTO_DIGEST_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace wor::server::crypto {

// 32 raw bytes.
std::string Sha256(absl::string_view data);

// 32 raw bytes. `key` may have any length.
std::string HmacSha256(absl::string_view key, absl::string_view data);

// `count` bytes from OpenSSL's CSPRNG (RAND_bytes). Aborts if the CSPRNG
// fails: nothing secure can continue without it.
std::string RandomBytes(size_t count);

// Compares in time independent of where the inputs differ.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b);

}  // namespace wor::server::crypto

#endif  // WOR_SERVER_CRYPTO_DIGEST_H_
