// Compact JWS tokens (RFC 7515/7519) signed with ES256 (ECDSA P-256 with
// SHA-256, RFC 7518 §3.4: the signature is r || s, 64 bytes), through OpenSSL.
//
// Only ES256 is accepted: a token whose header names another algorithm
// ("none", "HS256", …) is refused before any key is used.
#ifndef WOR_SERVER_CRYPTO_ES256_JWT_H_
#define WOR_SERVER_CRYPTO_ES256_JWT_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wor::server::crypto {

// A P-256 public key for verifying. Copyable (shares the OpenSSL key).
class Es256PublicKey {
 public:
  // From a PEM "PUBLIC KEY" (SubjectPublicKeyInfo). INVALID_ARGUMENT when it
  // is not PEM or not a P-256 EC key.
  static absl::StatusOr<Es256PublicKey> FromPem(absl::string_view pem);

  // Whether `signature` (64 bytes, r || s) is a valid ES256 signature of
  // `signed_data`.
  bool Verify(absl::string_view signed_data, absl::string_view signature) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

// A P-256 private key for signing (tests, the development token tool and
// an organisation's own identity provider).
class Es256PrivateKey {
 public:
  // From a PEM "PRIVATE KEY" or "EC PRIVATE KEY".
  static absl::StatusOr<Es256PrivateKey> FromPem(absl::string_view pem);
  // A fresh key (tests).
  static Es256PrivateKey Generate();

  // 64 bytes, r || s.
  std::string Sign(absl::string_view data) const;
  // The public half as PEM "PUBLIC KEY".
  std::string PublicKeyPem() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

// The parts of a compact JWS, decoded but not yet trusted.
struct DecodedJwt {
  std::string header_json;   // decoded header
  std::string payload_json;  // decoded payload
  std::string key_id;        // header "kid", empty if absent
  std::string signed_data;   // "<b64 header>.<b64 payload>" as received
  std::string signature;     // decoded signature bytes
};

// Splits and base64url-decodes a compact token; checks that the header's
// "alg" is exactly "ES256". UNAUTHENTICATED (with a message that contains no
// token content) when malformed or another algorithm.
absl::StatusOr<DecodedJwt> DecodeEs256Jwt(absl::string_view token);

// Builds a compact token: header {"alg":"ES256","typ":"JWT","kid":key_id},
// the given payload JSON, signed with `key`.
std::string SignEs256Jwt(const Es256PrivateKey& key, absl::string_view key_id,
                         absl::string_view payload_json);

}  // namespace wor::server::crypto

#endif  // WOR_SERVER_CRYPTO_ES256_JWT_H_
