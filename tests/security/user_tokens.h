// User tokens for the mutual-TLS tests, built the way an organisation's
// identity provider builds them (claims as in server/tools/mint_token_main.cc)
// — and the broken ones an attacker or a misconfigured provider sends.
//
//   UserTokenClaims claims = ClaimsFor("agb:01012345", "gp-1", "GP", now);
//   claims.audience = "another-server";
//   std::string token = SignToken(claims, pki.TokenSigningKey("agb:01012345"));
#ifndef WOR_TESTS_SECURITY_USER_TOKENS_H_
#define WOR_TESTS_SECURITY_USER_TOKENS_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/crypto/es256_jwt.h"

namespace wor::server {

struct UserTokenClaims {
  std::string issuer;    // iss: the organisation id
  std::string subject;   // sub: the user
  std::string audience;  // aud
  std::string role;      // "GP", "COACH", … (no USER_ROLE_ prefix)
  std::optional<std::string> acting_for;  // act
  absl::Time issued_at;                   // iat
  std::optional<absl::Time> not_before;   // nbf
  absl::Time expires;                     // exp
};

// A token's usual claims: audience "wor", issued and valid from `now`,
// expiring one hour later.
UserTokenClaims ClaimsFor(const std::string& organisation,
                          const std::string& user, const std::string& role,
                          absl::Time now);

std::string ClaimsJson(const UserTokenClaims& claims);

// A compact ES256 token with header kid `key_id`.
std::string SignToken(const UserTokenClaims& claims,
                      const crypto::Es256PrivateKey& key,
                      absl::string_view key_id = "dev-1");

// A token with header {"alg":"none"} and an empty signature.
std::string UnsignedToken(const UserTokenClaims& claims);

// `token` with its payload swapped for `claims`, header and signature kept.
std::string WithPayloadReplaced(const std::string& token,
                                const UserTokenClaims& claims);

}  // namespace wor::server

#endif  // WOR_TESTS_SECURITY_USER_TOKENS_H_
