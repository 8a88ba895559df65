#include "plugin/user_token_minter.h"

#include "nlohmann/json.hpp"
#include "plugin/pkce.h"

namespace wor::plugin {

std::string UserTokenMinter::ClaimsJson(absl::string_view subject,
                                        absl::string_view role, absl::Time now,
                                        absl::string_view jti) const {
  const int64_t seconds = absl::ToUnixSeconds(now);
  nlohmann::json claims = {
      {"iss", issuer_},
      {"sub", std::string(subject)},
      {"aud", "wor"},
      {"role", std::string(role)},
      {"iat", seconds},
      {"nbf", seconds},
      {"exp", absl::ToUnixSeconds(now + validity_)},
      {"jti", std::string(jti)},
  };
  return claims.dump();
}

std::string UserTokenMinter::Mint(absl::string_view subject,
                                  absl::string_view role) const {
  return server::crypto::SignEs256Jwt(
      key_, key_id_, ClaimsJson(subject, role, clock_->Now(), RandomToken(16)));
}

}  // namespace wor::plugin
