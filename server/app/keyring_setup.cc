#include "server/app/keyring_setup.h"

#include "server/common/status_macros.h"
#include "server/crypto/digest.h"

namespace wor::server {

absl::StatusOr<std::unique_ptr<PatientKeyring>> OpenConfiguredKeyring(
    const wor::server::config::ServerConfig& config) {
  KeyringOptions options;
  if (config.storage().has_memory()) {
    // Nothing outlives the process: an in-memory keyring under a random
    // master key.
    options.master_keys.push_back({"memory", crypto::RandomBytes(32)});
    options.active_master_key_id = "memory";
    return OpenPatientKeyring(options);
  }
  options.path = config.privacy().keyring_path();
  for (const auto& key : config.privacy().master_keys()) {
    WOR_ASSIGN_OR_RETURN(MasterKey master,
                         ReadMasterKeyFile(key.id(), key.file()));
    options.master_keys.push_back(std::move(master));
  }
  options.active_master_key_id = config.privacy().active_master_key_id();
  return OpenPatientKeyring(options);
}

}  // namespace wor::server
