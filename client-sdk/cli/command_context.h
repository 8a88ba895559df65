// What a command needs from its surroundings: the global options, the
// texts in the user's language, the standard streams, the time the command
// started, and a channel to the server with the caller's identity (loaded by
// LoadSecurity() just before a command runs, so `wor help` never reads a key
// or touches the network).
//
// main() owns the streams; RunCli() owns the context. Not thread-safe.
#ifndef WOR_CLIENT_SDK_CLI_COMMAND_CONTEXT_H_
#define WOR_CLIENT_SDK_CLI_COMMAND_CONTEXT_H_

#include <iosfwd>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "client-sdk/cli/connection_security.h"
#include "client-sdk/cli/global_options.h"
#include "client-sdk/cli/messages.h"
#include "client-sdk/cli/sdk_connections.h"
#include "grpcpp/channel.h"
#include "wor/client/options.h"

namespace wor::client {

class CommandContext {
 public:
  CommandContext(GlobalOptions options, std::istream& in, std::ostream& out,
                 std::ostream& err, absl::Time now);

  CommandContext(const CommandContext&) = delete;
  CommandContext& operator=(const CommandContext&) = delete;

  const GlobalOptions& options() const { return options_; }
  const Messages& messages() const { return messages_; }
  std::istream& in() { return in_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  // When the command started: the default of every "--at" flag.
  absl::Time now() const { return now_; }
  // The zone human output shows times in (the machine's local zone).
  absl::TimeZone time_zone() const { return time_zone_; }

  // Checks the connection options and reads the certificate, key and token
  // files they name (see connection_security.h). A failure is
  // INVALID_ARGUMENT in the user's language; nothing was sent.
  absl::Status LoadSecurity();
  const ConnectionSecurity& security() const { return security_; }

  // The channel to --server, with TLS when configured; created on first
  // use.
  std::shared_ptr<grpc::Channel> Channel();

  // The C++ SDK's options for this command: the channel above, the
  // caller's identity on every call, --timeout per attempt, and the SDK's
  // retries of idempotent calls.
  wor::client::Options SdkOptions();

  // The SDK connection of one service (sdk_connections.h).
  template <typename Connection>
  std::shared_ptr<Connection> Connect() {
    return MakeSdkConnection<Connection>(SdkOptions());
  }

 private:
  GlobalOptions options_;
  Messages messages_;
  std::istream& in_;
  std::ostream& out_;
  std::ostream& err_;
  absl::Time now_;
  absl::TimeZone time_zone_;
  ConnectionSecurity security_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_COMMAND_CONTEXT_H_
