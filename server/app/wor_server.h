// A running Welzijn op Recept server: storage, region, workflows and gRPC
// services wired together from a validated configuration. `main()` uses it,
// and so do the integration tests and the benchmarks, which is why it is not
// in main/.
//
//   WOR_ASSIGN_OR_RETURN(auto server, WorServer::Start(config, &clock,
//   &std::cerr));
//   ... server->port() ...
//   server->Shutdown(absl::Seconds(10));   // drains calls in flight
//
// Thread-safe.
#ifndef WOR_SERVER_APP_WOR_SERVER_H_
#define WOR_SERVER_APP_WOR_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/config/server_config.pb.h"
#include "server/domain/clock.h"
#include "server/domain/deadline_scanner.h"
#include "server/store/store.h"

namespace wor::server {

class WorServer {
 public:
  // Opens the store, builds the services and starts listening. `clock` and
  // `log` must outlive the server.
  static absl::StatusOr<std::unique_ptr<WorServer>> Start(
      const wor::server::config::ServerConfig& config, const Clock* clock,
      std::ostream* log);

  ~WorServer();

  // The port actually bound (useful with port 0).
  int port() const;

  // Marks the server NOT_SERVING, ends watch streams, waits up to `grace`
  // for calls in flight, then cancels what remains. Idempotent.
  void Shutdown(absl::Duration grace);

  // Blocks until Shutdown has completed.
  void Wait();

  // The store, for tests that check what was (not) stored.
  Store& store();

  // The escalation scanner, for tests that drive it with a fake clock
  // between timer rounds.
  DeadlineScanner& deadline_scanner();

 private:
  struct Parts;
  explicit WorServer(std::unique_ptr<Parts> parts);
  // Calendar sync to the configured CalDAV server, on its own thread.
  static absl::Status StartCalendarSync(
      const wor::server::config::ServerConfig& config, const Clock* clock,
      Parts& parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_APP_WOR_SERVER_H_
