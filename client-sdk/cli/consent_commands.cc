// The commands on ConsentService: show, grant and revoke the patient's
// consent on a referral, and print the receipt for the patient. What is
// printed is what the server returns: scopes, how and when consent was
// obtained and by whom it was recorded; never the patient's details.
#include <string>

#include "absl/status/status.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/value_parsers.h"
#include "wor/client/consent_connection.h"

namespace wor::client {
namespace {

constexpr char kRevokeCommand[] = "consent revoke";
constexpr char kGrantCommand[] = "consent grant";
constexpr char kReceiptCommand[] = "consent receipt";

// Prints the response of a consent call: all of it with --json, else the
// consent record of `referral`.
template <typename Response>
int FinishConsent(CommandContext& context, const absl::Status& status,
                  const std::string& referral, const Response& response) {
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  ReferralPrinter(context.out(), context.messages(), context.now(),
                  context.time_zone())
      .PrintConsent(referral, response.consent());
  return kExitOk;
}

template <typename Request>
void AddScopes(const ParsedFlags& flags, Request& request) {
  for (int scope : flags.EnumValues("scope")) {
    request.add_scopes(static_cast<wor::v1::ConsentScope>(scope));
  }
}

}  // namespace

int RunConsentShow(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::GetConsentRequest request;
  request.set_referral(flags.positional(0));
  wor::v1::GetConsentResponse response;
  const absl::Status status =
      CallUnary(context, &ConsentConnection::GetConsent, request, &response);
  return FinishConsent(context, status, request.referral(), response);
}

int RunConsentGrant(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::RecordConsentRequest request;
  request.set_referral(flags.positional(0));
  AddScopes(flags, request);
  request.set_method(
      static_cast<wor::v1::ConsentMethod>(flags.EnumValue("method")));
  request.set_obtained_by_agb(flags.Value("obtained-by"));
  request.set_text_version(flags.Value("text-version"));
  if (flags.Has("at")) {
    absl::StatusOr<google::protobuf::Timestamp> at =
        ParseTimeFlag(flags.Value("at"), "at", context.messages());
    if (!at.ok()) return ReportUsageError(context, at.status(), kGrantCommand);
    *request.mutable_obtain_time() = *at;
  }
  request.set_etag(flags.Value("etag"));
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);
  wor::v1::RecordConsentResponse response;
  const absl::Status status =
      CallUnary(context, &ConsentConnection::RecordConsent, request, &response);
  return FinishConsent(context, status, request.referral(), response);
}

int RunConsentRevoke(CommandContext& context, const ParsedFlags& flags) {
  if (flags.Has("scope") == flags.Has("all")) {
    return ReportUsageError(context,
                            absl::InvalidArgumentError(context.messages().Text(
                                Msg::kRevokeScopeOrAll)),
                            kRevokeCommand);
  }
  wor::v1::RevokeConsentRequest request;
  request.set_referral(flags.positional(0));
  AddScopes(flags, request);
  request.set_all(flags.Has("all"));
  request.set_method(
      static_cast<wor::v1::ConsentMethod>(flags.EnumValue("method")));
  request.set_etag(flags.Value("etag"));
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);
  wor::v1::RevokeConsentResponse response;
  const absl::Status status =
      CallUnary(context, &ConsentConnection::RevokeConsent, request, &response);
  return FinishConsent(context, status, request.referral(), response);
}

int RunConsentReceipt(CommandContext& context, const ParsedFlags& flags) {
  Language language = context.messages().language();
  if (flags.Has("language")) {
    absl::StatusOr<Language> chosen = ParseLanguage(flags.Value("language"));
    if (!chosen.ok()) {
      return ReportUsageError(
          context,
          absl::InvalidArgumentError(context.messages().Format(
              Msg::kBadLanguage, flags.Value("language"))),
          kReceiptCommand);
    }
    language = *chosen;
  }
  wor::v1::GetConsentReceiptRequest request;
  request.set_referral(flags.positional(0));
  request.set_language(language == Language::kEnglish ? "en" : "nl");
  wor::v1::GetConsentReceiptResponse response;
  const absl::Status status = CallUnary(
      context, &ConsentConnection::GetConsentReceipt, request, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  context.out() << response.text();
  if (!response.text().empty() && response.text().back() != '\n') {
    context.out() << "\n";
  }
  return kExitOk;
}

}  // namespace wor::client
