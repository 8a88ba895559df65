#include "client-sdk/cli/error_reporting.h"

#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client-sdk/cli/exit_codes.h"

namespace wor::client {
namespace {

// The canonical name of a gRPC code, as operators know it.
std::string CodeName(grpc::StatusCode code) {
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

std::string Hint(const CommandContext& context, grpc::StatusCode code) {
  const Messages& messages = context.messages();
  switch (code) {
    case grpc::StatusCode::NOT_FOUND:
      return std::string(messages.Text(Msg::kHintNotFound));
    case grpc::StatusCode::INVALID_ARGUMENT:
      return std::string(messages.Text(Msg::kHintInvalidArgument));
    case grpc::StatusCode::FAILED_PRECONDITION:
      return std::string(messages.Text(Msg::kHintFailedPrecondition));
    case grpc::StatusCode::ALREADY_EXISTS:
      return std::string(messages.Text(Msg::kHintAlreadyExists));
    case grpc::StatusCode::ABORTED:
      return std::string(messages.Text(Msg::kHintAborted));
    case grpc::StatusCode::UNAVAILABLE:
      return messages.Format(Msg::kHintUnavailable, context.options().server);
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return messages.Format(
          Msg::kHintDeadlineExceeded, context.options().server,
          absl::FDivDuration(context.options().timeout, absl::Seconds(1)));
    default:
      return messages.Format(Msg::kHintOther, CodeName(code));
  }
}

}  // namespace

int ExitCodeFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return kExitOk;
    case grpc::StatusCode::NOT_FOUND:
      return kExitNotFound;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
      return kExitRefused;
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return kExitUnreachable;
    default:
      return kExitFailure;
  }
}

int ReportRpcError(CommandContext& context, const grpc::Status& status) {
  context.err() << "wor: " << Hint(context, status.error_code()) << "\n";
  if (!status.error_message().empty()) {
    context.err() << "  " << CodeName(status.error_code()) << ": "
                  << status.error_message() << "\n";
  }
  return ExitCodeFor(status.error_code());
}

int ReportUsageError(CommandContext& context, const absl::Status& status,
                     absl::string_view command_path) {
  context.err() << "wor: " << status.message() << "\n"
                << context.messages().Format(
                       Msg::kSeeHelp, command_path.empty()
                                          ? std::string()
                                          : absl::StrCat(" ", command_path))
                << "\n";
  return kExitUsage;
}

int ReportLocalError(CommandContext& context, const absl::Status& status) {
  context.err() << "wor: " << status.message() << "\n";
  return kExitFailure;
}

}  // namespace wor::client
