// Validation of the security, partner, operator and privacy parts of the
// server configuration (split from config_loader.cc, which calls it).
#ifndef WOR_SERVER_CONFIG_SECURITY_CONFIG_CHECKS_H_
#define WOR_SERVER_CONFIG_SECURITY_CONFIG_CHECKS_H_

#include "absl/status/status.h"
#include "server/config/server_config.pb.h"

namespace wor::server {

// Fills defaults and checks; the error names the field. Needs the practices
// and welfare organisations already validated (token keys name them).
absl::Status ValidateSecurityConfig(wor::server::config::ServerConfig& config);

// Whether "host:port" names a loopback host (127.0.0.0/8, [::1], localhost).
bool IsLoopbackListenAddress(const std::string& listen_address);

}  // namespace wor::server

#endif  // WOR_SERVER_CONFIG_SECURITY_CONFIG_CHECKS_H_
