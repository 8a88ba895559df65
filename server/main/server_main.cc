// wor-server: the Welzijn op Recept gRPC server.
//
//   wor-server --config deploy/config/demo.textproto
//
// Parses the configuration, wires the server, and drains calls in flight on
// SIGTERM or SIGINT. Nothing else lives here.
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/app/keyring_setup.h"
#include "server/app/wor_server.h"
#include "server/config/config_loader.h"

namespace {

constexpr char kUsage[] =
    "Usage: wor-server --config FILE\n"
    "\n"
    "Runs the Welzijn op Recept server with the configuration in FILE (a\n"
    "textproto of wor.server.config.ServerConfig; see\n"
    "deploy/config/demo.textproto and the README's configuration reference).\n"
    "SIGTERM or Ctrl-C drains calls in flight, then stops.\n"
    "\n"
    "  --config FILE   configuration file (required)\n"
    "  --rewrap-keys   master key rotation: re-wrap every patient data key\n"
    "                  under privacy.active_master_key_id, then exit (run\n"
    "                  with the server stopped; see docs/operations.md)\n"
    "  --help          this text\n";

}  // namespace

int main(int argc, char** argv) {
  // Debian builds abseil with mutex deadlock detection on; it costs on every
  // lock and is a debugging aid, not a production check.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  std::string config_path;
  bool rewrap_keys = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 ||
        std::strcmp(argv[i], "-h") == 0) {
      std::cout << kUsage;
      return 0;
    }
    if (std::strcmp(argv[i], "--rewrap-keys") == 0) {
      rewrap_keys = true;
    } else if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
      config_path = argv[++i];
    } else if (std::strncmp(argv[i], "--config=", 9) == 0) {
      config_path = argv[i] + 9;
    } else {
      std::cerr << "wor-server: unknown argument " << argv[i] << "\n\n"
                << kUsage;
      return 2;
    }
  }
  if (config_path.empty()) {
    std::cerr << "wor-server: --config is required\n\n" << kUsage;
    return 2;
  }

  // Block the stop signals in every thread gRPC will start; this thread
  // receives them with sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  absl::StatusOr<wor::server::config::ServerConfig> config =
      wor::server::LoadServerConfigFile(config_path);
  if (!config.ok()) {
    std::cerr << "wor-server: " << config.status().message() << "\n";
    return 2;
  }
  if (rewrap_keys) {
    auto keyring = wor::server::OpenConfiguredKeyring(*config);
    absl::StatusOr<int> count =
        keyring.ok() ? (*keyring)->RewrapAll() : keyring.status();
    if (!count.ok()) {
      std::cerr << "wor-server: " << count.status().message() << "\n";
      return 1;
    }
    std::cout << "re-wrapped " << *count << " keys under master key "
              << config->privacy().active_master_key_id()
              << "; older master keys can now be removed from the "
                 "configuration\n";
    return 0;
  }
  wor::server::SystemClock clock;
  auto server = wor::server::WorServer::Start(*config, &clock, &std::cerr);
  if (!server.ok()) {
    std::cerr << "wor-server: " << server.status().message() << "\n";
    return 1;
  }
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  (*server)->Shutdown(absl::Seconds(config->shutdown_grace_seconds()));
  return 0;
}
