#include "client-sdk/cli/command_context.h"

#include "grpcpp/create_channel.h"
#include "grpcpp/support/channel_arguments.h"

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

absl::Status CommandContext::LoadSecurity() {
  absl::StatusOr<ConnectionSecurity> security =
      ConnectionSecurity::Load(options_, messages_);
  if (!security.ok()) return security.status();
  security_ = *std::move(security);
  channel_ = nullptr;
  return absl::OkStatus();
}

std::shared_ptr<grpc::Channel> CommandContext::Channel() {
  if (channel_ == nullptr) {
    grpc::ChannelArguments arguments;
    arguments.SetUserAgentPrefix("wor-cli/1");
    // As the SDK's channels: reconnect to a restarted server within seconds.
    arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
    channel_ = grpc::CreateCustomChannel(options_.server,
                                         security_.credentials(), arguments);
  }
  return channel_;
}

wor::client::Options CommandContext::SdkOptions() {
  wor::client::Options sdk;
  sdk.endpoint = options_.server;
  sdk.channel = Channel();
  sdk.channel_is_secure = security_.uses_tls();
  sdk.metadata = security_.metadata();
  sdk.token_provider = security_.token_provider();
  sdk.call_timeout = options_.timeout;
  return sdk;
}

}  // namespace wor::client
