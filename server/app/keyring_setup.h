// Opens the patient keyring the configuration describes: its file and the
// master keys read from their files (in memory, under a random master key,
// when storage is in memory). Shared by the server and its key rotation
// command (`wor-server --rewrap-keys`).
#ifndef WOR_SERVER_APP_KEYRING_SETUP_H_
#define WOR_SERVER_APP_KEYRING_SETUP_H_

#include <memory>

#include "absl/status/statusor.h"
#include "server/config/server_config.pb.h"
#include "server/store/patient_keyring.h"

namespace wor::server {

absl::StatusOr<std::unique_ptr<PatientKeyring>> OpenConfiguredKeyring(
    const wor::server::config::ServerConfig& config);

}  // namespace wor::server

#endif  // WOR_SERVER_APP_KEYRING_SETUP_H_
