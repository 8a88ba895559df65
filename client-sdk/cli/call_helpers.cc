#include "client-sdk/cli/call_helpers.h"

#include "absl/status/status.h"
#include "wor/client/referral_connection.h"
#include "wor/client/request_id.h"

namespace wor::client {

absl::StatusOr<std::string> RequestIdFor(const ParsedFlags& flags,
                                         const Messages& messages) {
  if (flags.Has("request-id")) return flags.Value("request-id");
  absl::StatusOr<std::string> request_id = NewRequestId();
  if (!request_id.ok()) {
    return absl::UnavailableError(messages.Text(Msg::kRandomFailed));
  }
  return request_id;
}

std::unique_ptr<ReferralEventStream> OpenWatch(
    CommandContext& context, const wor::v1::WatchReferralsRequest& request) {
  Options options = context.SdkOptions();
  options.retry.max_attempts = 30;
  options.retry.max_backoff = absl::Seconds(5);
  return MakeReferralConnection(std::move(options))->WatchReferrals(request);
}

int PrintJsonResult(CommandContext& context,
                    const google::protobuf::Message& message) {
  const absl::Status status = PrintJson(message, context.out());
  if (!status.ok()) return ReportLocalError(context, status);
  return kExitOk;
}

}  // namespace wor::client
