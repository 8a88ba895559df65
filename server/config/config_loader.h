// Reading and validating the server configuration (a textproto file of
// wor.server.config.ServerConfig). Validation fills in defaults and refuses
// anything inconsistent with a message naming the field, e.g.
// "practices[2].welfare_organisation_kvk: no welfare organisation with this
// KvK number is configured".
#ifndef WOR_SERVER_CONFIG_CONFIG_LOADER_H_
#define WOR_SERVER_CONFIG_CONFIG_LOADER_H_

#include <string>

#include "absl/status/statusor.h"
#include "server/config/server_config.pb.h"

namespace wor::server {

// Reads, parses and validates the file.
absl::StatusOr<wor::server::config::ServerConfig> LoadServerConfigFile(
    const std::string& path);

// Parses and validates textproto text.
absl::StatusOr<wor::server::config::ServerConfig> ParseServerConfig(
    const std::string& text);

// Validates in place and fills in defaults.
absl::Status ValidateServerConfig(wor::server::config::ServerConfig& config);

}  // namespace wor::server

#endif  // WOR_SERVER_CONFIG_CONFIG_LOADER_H_
