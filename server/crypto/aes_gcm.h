// Authenticated encryption with AES-256-GCM (OpenSSL EVP).
//
// A sealed box is   nonce (12 bytes, random) || ciphertext || tag (16 bytes).
// The associated data (e.g. the row's id) is authenticated, not stored: a box
// moved to another row fails to open.
#ifndef WOR_SERVER_CRYPTO_AES_GCM_H_
#define WOR_SERVER_CRYPTO_AES_GCM_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wor::server::crypto {

inline constexpr size_t kAes256KeyBytes = 32;

// INVALID_ARGUMENT when the key is not 32 bytes.
absl::StatusOr<std::string> AesGcmSeal(absl::string_view key,
                                       absl::string_view plaintext,
                                       absl::string_view associated_data);

// DATA_LOSS when the box was altered, truncated, or sealed under another key
// or other associated data; INVALID_ARGUMENT when the key is not 32 bytes.
absl::StatusOr<std::string> AesGcmOpen(absl::string_view key,
                                       absl::string_view sealed,
                                       absl::string_view associated_data);

}  // namespace wor::server::crypto

#endif  // WOR_SERVER_CRYPTO_AES_GCM_H_
