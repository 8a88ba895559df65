#include "wor/client/internal/call_context.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "grpcpp/support/time.h"
#include "wor/client/channel.h"

namespace wor::client::internal {

CallContext::CallContext(Options options)
    : options_(std::move(options)), channel_(MakeChannel(options_)) {}

CallContext::CallContext(Options options,
                         std::shared_ptr<grpc::Channel> channel)
    : options_(std::move(options)), channel_(std::move(channel)) {}

absl::Status CallContext::Prepare(grpc::ClientContext& call, bool unary,
                                  bool wait_for_ready) const {
  if (options_.token_provider) {
    if (!UsesTls(options_)) {
      return absl::InvalidArgumentError(
          "a user token is only sent over TLS; set ca_file (and the "
          "organisation's certificate) or use a development identity");
    }
    absl::StatusOr<std::string> token = options_.token_provider();
    if (!token.ok()) return token.status();
    call.AddMetadata("authorization", absl::StrCat("Bearer ", *token));
  }
  for (const auto& [key, value] : options_.metadata) {
    if (key == "authorization" && !UsesTls(options_)) {
      return absl::InvalidArgumentError(
          "authorization metadata is only sent over TLS; set ca_file, and "
          "prefer token_provider for the user token");
    }
    call.AddMetadata(key, value);
  }
  call.set_wait_for_ready(wait_for_ready);
  if (unary) {
    call.set_deadline(absl::ToChronoTime(absl::Now() + options_.call_timeout));
  }
  return absl::OkStatus();
}

}  // namespace wor::client::internal
