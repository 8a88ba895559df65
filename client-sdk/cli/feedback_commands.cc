// The commands on FeedbackService: send, list and acknowledge feedback.
#include <string>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/input_files.h"
#include "client-sdk/cli/reference_printing.h"
#include "wor/client/feedback_connection.h"

namespace wor::client {
namespace {

constexpr char kSendCommand[] = "feedback send";

int FinishFeedback(CommandContext& context, const absl::Status& status,
                   const google::protobuf::Message& response,
                   const wor::v1::Feedback& feedback) {
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  PrintFeedback(feedback, context.messages(), context.time_zone(),
                context.out());
  return kExitOk;
}

}  // namespace

int RunFeedbackSend(CommandContext& context, const ParsedFlags& flags) {
  absl::StatusOr<std::string> text =
      ReadInput(flags.Has("file") ? flags.Value("file") : "-", context.in(),
                context.messages());
  if (!text.ok()) return ReportUsageError(context, text.status(), kSendCommand);
  // A trailing newline from an editor or `echo` is not part of the summary.
  const std::string summary(absl::StripTrailingAsciiWhitespace(*text));
  if (summary.empty()) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(context.messages().Text(Msg::kEmptySummary)),
        kSendCommand);
  }

  wor::v1::SendFeedbackRequest request;
  request.set_parent(flags.positional(0));
  request.mutable_feedback()->set_kind(
      static_cast<wor::v1::FeedbackKind>(flags.EnumValue("kind")));
  request.mutable_feedback()->set_summary(summary);
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);

  wor::v1::SendFeedbackResponse response;
  const absl::Status status =
      CallUnary(context, &FeedbackConnection::SendFeedback, request, &response);
  return FinishFeedback(context, status, response, response.feedback());
}

int RunFeedbackList(CommandContext& context, const ParsedFlags& flags) {
  // A referral has a handful of feedback items: always fetch every page.
  wor::v1::ListFeedbackRequest request;
  request.set_parent(flags.positional(0));
  wor::v1::ListFeedbackResponse all;
  const absl::Status status =
      CallList(context, &FeedbackConnection::ListFeedback, request,
               all.mutable_feedback());
  if (!status.ok()) return ReportRpcError(context, status);

  if (context.options().json) return PrintJsonResult(context, all);
  if (all.feedback_size() == 0) {
    context.err() << context.messages().Text(Msg::kNoFeedback) << "\n";
  }
  for (int i = 0; i < all.feedback_size(); ++i) {
    if (i > 0) context.out() << "\n";
    PrintFeedback(all.feedback(i), context.messages(), context.time_zone(),
                  context.out());
  }
  return kExitOk;
}

int RunFeedbackAck(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::AcknowledgeFeedbackRequest request;
  request.set_name(flags.positional(0));
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);
  wor::v1::AcknowledgeFeedbackResponse response;
  const absl::Status status = CallUnary(
      context, &FeedbackConnection::AcknowledgeFeedback, request, &response);
  return FinishFeedback(context, status, response, response.feedback());
}

}  // namespace wor::client
