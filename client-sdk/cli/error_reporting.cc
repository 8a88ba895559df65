#include "client-sdk/cli/error_reporting.h"

#include <ostream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "client-sdk/cli/exit_codes.h"

namespace wor::client {
namespace {

// The canonical name of a gRPC code, as operators know it.
std::string CodeName(absl::StatusCode code) {
  return absl::StatusCodeToString(code);
}

// What the server's UNAUTHENTICATED message says went wrong, as a hint on
// what to do. The server's reasons are stable English phrases (see
// server/service/caller_authenticator.cc); an unknown one gets the general
// hint.
Msg UnauthenticatedHint(absl::string_view reason) {
  struct Case {
    absl::string_view phrase;
    Msg hint;
  };
  static constexpr Case kCases[] = {
      {"has expired", Msg::kHintTokenExpired},
      {"not valid yet", Msg::kHintTokenNotYetValid},
      {"user token is required", Msg::kHintTokenMissing},
      {"another organisation", Msg::kHintTokenWrongOrganisation},
      {"does not belong to an organisation", Msg::kHintRoleNotOfOrganisation},
      {"client certificate", Msg::kHintCertificateRefused},
      {"development mode", Msg::kHintDevIdentityRefused},
  };
  for (const Case& c : kCases) {
    if (absl::StrContains(reason, c.phrase)) return c.hint;
  }
  return Msg::kHintUnauthenticated;
}

// Whether an UNAVAILABLE on a TLS channel came from the handshake rather
// than from a server that is down: gRPC reports both as UNAVAILABLE. When
// this side refuses (the server's certificate does not verify), the message
// names the handshake. When the server refuses our certificate (missing, or
// from a CA it does not trust), TLS 1.3 lets the client finish first, and
// all gRPC reports is that the server closed the connection.
bool IsHandshakeFailure(absl::string_view message) {
  for (absl::string_view marker :
       {"andshake", "SSL", "TLS", "ertificate", "tsi_", "Socket closed"}) {
    if (absl::StrContains(message, marker)) return true;
  }
  return false;
}

// No flag, variable or profile said who calls: the user has not run
// `wor login` yet.
bool NothingConfigured(const CommandContext& context) {
  const GlobalOptions& options = context.options();
  return options.active_profile.empty() && options.ca_file.empty() &&
         options.token_file.empty() && options.token.empty() &&
         options.dev_identity.empty();
}

std::string LoginAdvice(const CommandContext& context) {
  if (!NothingConfigured(context)) return "";
  return absl::StrCat(
      " ", context.messages().Pick(
               "Nog geen profiel: voer eerst 'wor login' uit (zie 'wor help "
               "login').",
               "No profile yet: run 'wor login' first (see 'wor help "
               "login')."));
}

struct Diagnosis {
  std::string hint;
  int exit_code;
};

Diagnosis Diagnose(const CommandContext& context, const absl::Status& status) {
  const Messages& messages = context.messages();
  const std::string& server = context.options().server;
  const ConnectionSecurity& security = context.security();
  const absl::StatusCode code = status.code();
  const int exit_code = ExitCodeFor(code);
  switch (code) {
    case absl::StatusCode::kUnauthenticated:
      return {absl::StrCat(messages.Text(UnauthenticatedHint(status.message())),
                           LoginAdvice(context)),
              exit_code};
    case absl::StatusCode::kPermissionDenied:
      return {std::string(messages.Text(Msg::kHintPermissionDenied)),
              exit_code};
    case absl::StatusCode::kUnavailable:
      if (security.uses_tls() && IsHandshakeFailure(status.message())) {
        return {messages.Format(security.has_client_certificate()
                                    ? Msg::kHintTlsRefused
                                    : Msg::kHintClientCertificateMissing,
                                server),
                kExitUnauthenticated};
      }
      return {absl::StrCat(
                  messages.Format(Msg::kHintUnavailable, server),
                  security.uses_tls()
                      ? ""
                      : absl::StrCat(" ", messages.Text(Msg::kHintMaybeTls)),
                  LoginAdvice(context)),
              exit_code};
    case absl::StatusCode::kDeadlineExceeded:
      return {messages.Format(Msg::kHintDeadlineExceeded, server,
                              absl::FDivDuration(context.options().timeout,
                                                 absl::Seconds(1))),
              exit_code};
    case absl::StatusCode::kNotFound:
      return {std::string(messages.Text(Msg::kHintNotFound)), exit_code};
    case absl::StatusCode::kInvalidArgument:
      return {std::string(messages.Text(Msg::kHintInvalidArgument)), exit_code};
    case absl::StatusCode::kFailedPrecondition:
      return {std::string(messages.Text(Msg::kHintFailedPrecondition)),
              exit_code};
    case absl::StatusCode::kAlreadyExists:
      return {std::string(messages.Text(Msg::kHintAlreadyExists)), exit_code};
    case absl::StatusCode::kAborted:
      return {std::string(messages.Text(Msg::kHintAborted)), exit_code};
    default:
      return {messages.Format(Msg::kHintOther, CodeName(code)), exit_code};
  }
}

}  // namespace

int ExitCodeFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return kExitOk;
    case absl::StatusCode::kNotFound:
      return kExitNotFound;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
      return kExitRefused;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
      return kExitUnreachable;
    case absl::StatusCode::kUnauthenticated:
      return kExitUnauthenticated;
    case absl::StatusCode::kPermissionDenied:
      return kExitPermissionDenied;
    default:
      return kExitFailure;
  }
}

int ReportRpcError(CommandContext& context, const absl::Status& status) {
  const Diagnosis diagnosis = Diagnose(context, status);
  context.err() << "wor: " << diagnosis.hint << "\n";
  if (!status.message().empty()) {
    context.err() << "  " << CodeName(status.code()) << ": " << status.message()
                  << "\n";
  }
  return diagnosis.exit_code;
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
