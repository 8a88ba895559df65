// UserTokenMinter: the practice's identity provider inside the plugin. The
// plugin, deployed for one practice, holds that practice's token signing key
// and mints a short-lived ES256 user token for the GP the SMART launch
// identified, as wor-server expects (docs: README "Who you are"): iss = the
// practice (`agb:…`), aud = `wor`, sub = the user, role, iat/nbf/exp, jti.
//
//   UserTokenMinter minter(key, "dev-1", "agb:01012345", &clock);
//   std::string jwt = minter.Mint("agb-z:01234567", "GP");
//
// Thread-safe.
#ifndef WOR_PLUGIN_USER_TOKEN_MINTER_H_
#define WOR_PLUGIN_USER_TOKEN_MINTER_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "plugin/clock.h"
#include "server/crypto/es256_jwt.h"

namespace wor::plugin {

class UserTokenMinter {
 public:
  UserTokenMinter(server::crypto::Es256PrivateKey key, std::string key_id,
                  std::string issuer, const Clock* clock,
                  absl::Duration validity = absl::Minutes(5))
      : key_(std::move(key)),
        key_id_(std::move(key_id)),
        issuer_(std::move(issuer)),
        clock_(clock),
        validity_(validity) {}

  // A token for `subject` in `role` ("GP", "POH").
  std::string Mint(absl::string_view subject, absl::string_view role) const;

  // The claims Mint signs (tests).
  std::string ClaimsJson(absl::string_view subject, absl::string_view role,
                         absl::Time now, absl::string_view jti) const;

 private:
  server::crypto::Es256PrivateKey key_;
  std::string key_id_;
  std::string issuer_;
  const Clock* clock_;
  absl::Duration validity_;
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_USER_TOKEN_MINTER_H_
