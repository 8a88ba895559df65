// The server's transport credentials: mutual TLS from the configuration, or
// plaintext in the explicit, loopback-only development mode.
//
// TLS versions: gRPC 1.51 accepts TLS 1.2 and 1.3 and offers no public
// setter for a minimum. We restrict the process's OpenSSL defaults instead
// (an in-memory OpenSSL configuration whose system_default section disables
// every protocol but TLS 1.3 — or 1.2 and 1.3 when `allow_tls12`), which every
// SSL_CTX gRPC creates afterwards inherits. TLS 1.0/1.1 are never accepted.
#ifndef WOR_SERVER_APP_TRANSPORT_SECURITY_H_
#define WOR_SERVER_APP_TRANSPORT_SECURITY_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "absl/status/statusor.h"
#include "server/config/server_config.pb.h"

namespace wor::server {

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const wor::server::config::ServerConfig& config);

}  // namespace wor::server

#endif  // WOR_SERVER_APP_TRANSPORT_SECURITY_H_
