// Turns failures into what the user sees on standard error and the exit
// code scripts see (exit_codes.h).
//
// A server error is shown as a hint in the user's language of what to do,
// followed by the server's own message, which names the field or state:
//
//   wor: Geweigerd door de server: dit kan nu niet. …
//     referral is in state REFERRAL_STATE_COMPLETED; allowed verbs: …
#ifndef WOR_CLIENT_SDK_CLI_ERROR_REPORTING_H_
#define WOR_CLIENT_SDK_CLI_ERROR_REPORTING_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "client-sdk/cli/command_context.h"

namespace wor::client {

// The exit code for a failed call with `code` (a TLS handshake the server
// refused is reported as kExitUnauthenticated by ReportRpcError instead).
int ExitCodeFor(absl::StatusCode code);

// Prints the hint and the server's message; returns the exit code.
int ReportRpcError(CommandContext& context, const absl::Status& status);

// Prints a usage error and where to find help on `command_path` ("reject",
// "feedback send"; empty for the general help); returns kExitUsage.
int ReportUsageError(CommandContext& context, const absl::Status& status,
                     absl::string_view command_path);

// Prints a local failure that is not the user's typing (e.g. no random
// bytes); returns kExitFailure.
int ReportLocalError(CommandContext& context, const absl::Status& status);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_ERROR_REPORTING_H_
