#include "tests/security/user_tokens.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace wor::server {
namespace {

// A JSON string literal; test values need no escaping beyond quotes.
std::string Quote(absl::string_view value) {
  return absl::StrCat("\"", value, "\"");
}

}  // namespace

UserTokenClaims ClaimsFor(const std::string& organisation,
                          const std::string& user, const std::string& role,
                          absl::Time now) {
  UserTokenClaims claims;
  claims.issuer = organisation;
  claims.subject = user;
  claims.audience = "wor";
  claims.role = role;
  claims.issued_at = now;
  claims.not_before = now;
  claims.expires = now + absl::Hours(1);
  return claims;
}

std::string ClaimsJson(const UserTokenClaims& claims) {
  std::string json = absl::StrCat(
      "{\"iss\":", Quote(claims.issuer), ",\"sub\":", Quote(claims.subject),
      ",\"aud\":", Quote(claims.audience), ",\"role\":", Quote(claims.role));
  if (claims.acting_for) {
    absl::StrAppend(&json, ",\"act\":", Quote(*claims.acting_for));
  }
  absl::StrAppend(&json, ",\"iat\":", absl::ToUnixSeconds(claims.issued_at));
  if (claims.not_before) {
    absl::StrAppend(&json,
                    ",\"nbf\":", absl::ToUnixSeconds(*claims.not_before));
  }
  absl::StrAppend(&json, ",\"exp\":", absl::ToUnixSeconds(claims.expires), "}");
  return json;
}

std::string SignToken(const UserTokenClaims& claims,
                      const crypto::Es256PrivateKey& key,
                      absl::string_view key_id) {
  return crypto::SignEs256Jwt(key, key_id, ClaimsJson(claims));
}

std::string UnsignedToken(const UserTokenClaims& claims) {
  return absl::StrCat(
      absl::WebSafeBase64Escape(R"({"alg":"none","typ":"JWT","kid":"dev-1"})"),
      ".", absl::WebSafeBase64Escape(ClaimsJson(claims)), ".");
}

std::string WithPayloadReplaced(const std::string& token,
                                const UserTokenClaims& claims) {
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  if (parts.size() != 3) return token;
  parts[1] = absl::WebSafeBase64Escape(ClaimsJson(claims));
  return absl::StrCat(parts[0], ".", parts[1], ".", parts[2]);
}

}  // namespace wor::server
