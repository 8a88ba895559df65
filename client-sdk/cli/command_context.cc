#include "client-sdk/cli/command_context.h"

#include <chrono>

#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace wor::client {

CommandContext::CommandContext(GlobalOptions options, std::istream& in,
                               std::ostream& out, std::ostream& err,
                               absl::Time now)
    : options_(std::move(options)),
      messages_(options_.language),
      in_(in),
      out_(out),
      err_(err),
      now_(now),
      time_zone_(absl::LocalTimeZone()) {}

std::shared_ptr<grpc::Channel> CommandContext::Channel() {
  if (channel_ == nullptr) {
    // The server speaks plaintext until TLS lands (see its startup log).
    channel_ = grpc::CreateChannel(options_.server,
                                   grpc::InsecureChannelCredentials());
  }
  return channel_;
}

void CommandContext::SetDeadline(grpc::ClientContext& call) const {
  call.set_deadline(std::chrono::system_clock::now() +
                    absl::ToChronoMilliseconds(options_.timeout));
}

}  // namespace wor::client
