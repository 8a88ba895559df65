// Establishes who makes a call (the domain's Caller) from the transport:
//
//  * Mutual TLS (default): the client certificate's subject CN names a
//    registered organisation ("agb:01012345", "kvk:41234567", …). The
//    per-call user token (metadata `authorization: Bearer <JWT>`, ES256) must
//    be signed by a key registered for that same organisation (header `kid`,
//    claim `iss` = the organisation), be within `nbf`..`exp` (with leeway),
//    carry the configured `aud`, a `sub` and a `role` that belongs to the
//    organisation's kind; claim `act` names the responsible user, if any.
//  * Development mode (explicit, loopback only): plaintext, identity from
//    the headers x-wor-organisation, x-wor-user, x-wor-role and
//    x-wor-acting-for; the organisation must still be registered.
//
// Failures are UNAUTHENTICATED with a reason that contains no token content.
// Thread-safe; immutable after Create.
#ifndef WOR_SERVER_SERVICE_CALLER_AUTHENTICATOR_H_
#define WOR_SERVER_SERVICE_CALLER_AUTHENTICATOR_H_

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "server/config/server_config.pb.h"
#include "server/crypto/es256_jwt.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"

namespace wor::server {

class CallerAuthenticator {
 public:
  // Reads the configured token keys. `config` must be validated.
  static absl::StatusOr<std::unique_ptr<CallerAuthenticator>> Create(
      const wor::server::config::ServerConfig& config, const Clock* clock);

  absl::StatusOr<Caller> Identify(const grpc::ServerContext& context) const;

 private:
  CallerAuthenticator() = default;

  absl::StatusOr<Caller> FromDevelopmentHeaders(
      const grpc::ServerContext& context) const;
  absl::StatusOr<Caller> FromCertificateAndToken(
      const grpc::ServerContext& context) const;
  // Checks the token and fills user, role and responsible user.
  absl::Status ApplyToken(absl::string_view token, Caller& caller) const;

  const Clock* clock_ = nullptr;
  bool development_mode_ = false;
  std::string audience_;
  absl::Duration leeway_;
  std::map<std::string, wor::v1::OrganisationKind> organisations_;
  // "organisation/kid" → key.
  std::map<std::string, crypto::Es256PublicKey> keys_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_CALLER_AUTHENTICATOR_H_
