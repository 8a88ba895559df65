// How `wor` reaches the server and says who calls:
//
//  * Mutual TLS (--ca-file, --cert-file, --key-file): the channel verifies
//    the server against the CA and presents the organisation's client
//    certificate; the server negotiates TLS 1.3. Every call carries the
//    user's token (--token-file or --token) as `authorization: Bearer …`.
//  * Development mode (--dev-identity ORG,USER,ROLE[,ACTING_FOR]):
//    plaintext, and every call carries the x-wor-organisation, x-wor-user,
//    x-wor-role and x-wor-acting-for headers. Only a server started with
//    `security { development_mode: true }` on loopback accepts them.
//  * Neither: plaintext without identity (a server answers UNAUTHENTICATED).
//
//   absl::StatusOr<ConnectionSecurity> security =
//       ConnectionSecurity::Load(options, messages);
//   auto channel = grpc::CreateChannel(options.server,
//                                      security->credentials());
//   sdk_options.metadata = security->metadata();  // sent with every call
//
// Load reads every file at once, on each run, so a missing one is reported
// before anything is sent; the token file is read again for every call, so
// a renewed token is picked up even by a running `wor watch`. The token is kept
// in memory only: no message ever contains it, only the file's name. Immutable
// after Load, so safe to share between threads.
#ifndef WOR_CLIENT_SDK_CLI_CONNECTION_SECURITY_H_
#define WOR_CLIENT_SDK_CLI_CONNECTION_SECURITY_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client-sdk/cli/global_options.h"
#include "client-sdk/cli/messages.h"
#include "grpcpp/security/credentials.h"
#include "wor/client/options.h"

namespace wor::client {

// Who calls a server in development mode.
struct DevIdentity {
  std::string organisation;  // "agb:01012345", "kvk:41234567", …
  std::string user;          // "huisarts-1"
  std::string role;          // "GP", "POH", "COACH", … (upper case)
  std::string acting_for;    // the responsible user; may be empty
};

// Parses "ORGANISATION,USER,ROLE[,ACTING_FOR]" (--dev-identity); the role
// may be given in any case.
absl::StatusOr<DevIdentity> ParseDevIdentity(absl::string_view text,
                                             const Messages& messages);

class ConnectionSecurity {
 public:
  // Checks that the connection options fit together (a client certificate
  // needs its key and --ca-file; a token is sent only over TLS; a
  // development identity only over plaintext) and reads the files they
  // name. Failures are INVALID_ARGUMENT: nothing was sent.
  static absl::StatusOr<ConnectionSecurity> Load(const GlobalOptions& options,
                                                 const Messages& messages);

  // Plaintext, no identity.
  ConnectionSecurity();

  // TLS credentials, or insecure ones without --ca-file.
  std::shared_ptr<grpc::ChannelCredentials> credentials() const {
    return credentials_;
  }

  // The development identity's headers, sent with every call (empty with
  // TLS: there the certificate and the token say who calls).
  const std::vector<std::pair<std::string, std::string>>& metadata() const {
    return metadata_;
  }

  bool uses_tls() const { return uses_tls_; }
  bool has_client_certificate() const { return has_client_certificate_; }
  // The user's token for each call (re-read from --token-file every time);
  // unset without a token.
  const TokenProvider& token_provider() const { return token_provider_; }

  bool has_token() const { return has_token_; }

 private:
  std::shared_ptr<grpc::ChannelCredentials> credentials_;
  bool uses_tls_ = false;
  bool has_client_certificate_ = false;
  bool has_token_ = false;
  std::vector<std::pair<std::string, std::string>> metadata_;
  TokenProvider token_provider_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_CONNECTION_SECURITY_H_
