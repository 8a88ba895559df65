// wor: the Welzijn op Recept command-line client for GPs, POHs and welfare
// coaches.
//
//   wor --server 127.0.0.1:50051 list --state accepted
//   wor help
//
// Reads the environment's defaults (WOR_SERVER, WOR_LANG, WOR_CA_FILE,
// WOR_CERT_FILE, WOR_KEY_FILE, WOR_TOKEN_FILE, WOR_TOKEN, WOR_DEV_IDENTITY,
// WOR_PROFILE, and XDG_CONFIG_HOME / HOME for the saved profiles) and hands
// everything else to RunCli(). Nothing else lives here.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "client-sdk/cli/cli_app.h"

namespace {

std::string EnvironmentValue(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

}  // namespace

int main(int argc, char** argv) {
  // `wor` explains every failure itself; gRPC's own log lines (a failed
  // handshake, say) would only repeat it less clearly. GRPC_VERBOSITY=ERROR
  // or DEBUG in the environment brings them back for debugging.
  setenv("GRPC_VERBOSITY", "NONE", /*overwrite=*/0);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const wor::client::OptionDefaults defaults = {
      .server = EnvironmentValue("WOR_SERVER"),
      .language = EnvironmentValue("WOR_LANG"),
      .ca_file = EnvironmentValue("WOR_CA_FILE"),
      .cert_file = EnvironmentValue("WOR_CERT_FILE"),
      .key_file = EnvironmentValue("WOR_KEY_FILE"),
      .token_file = EnvironmentValue("WOR_TOKEN_FILE"),
      .token = EnvironmentValue("WOR_TOKEN"),
      .dev_identity = EnvironmentValue("WOR_DEV_IDENTITY"),
      .profile = EnvironmentValue("WOR_PROFILE"),
      .config_home = EnvironmentValue("XDG_CONFIG_HOME"),
      .home = EnvironmentValue("HOME"),
  };
  return wor::client::RunCli(args, defaults, std::cin, std::cout, std::cerr,
                             absl::Now());
}
