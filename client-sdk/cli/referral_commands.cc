// The commands on ReferralService: create, get, list and the referral verbs.
#include <string>

#include "absl/status/statusor.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/input_files.h"
#include "client-sdk/cli/value_parsers.h"
#include "wor/client/referral_connection.h"

namespace wor::client {
namespace {

constexpr char kCreateCommand[] = "create";
constexpr char kListCommand[] = "list";
// What the server returns when no page size is asked for.
constexpr int kServerPageSize = 50;

}  // namespace

int RunCreate(CommandContext& context, const ParsedFlags& flags) {
  const std::string path = flags.Value("file");
  absl::StatusOr<std::string> text =
      ReadInput(path, context.in(), context.messages());
  if (!text.ok())
    return ReportUsageError(context, text.status(), kCreateCommand);
  wor::v1::CreateReferralRequest request;
  absl::StatusOr<wor::v1::Referral> referral = ParseReferralText(
      *text, path == "-" ? "stdin" : path, context.messages());
  if (!referral.ok()) {
    return ReportUsageError(context, referral.status(), kCreateCommand);
  }
  *request.mutable_referral() = *std::move(referral);
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);

  wor::v1::CreateReferralResponse response;
  const absl::Status status = CallUnary(
      context, &ReferralConnection::CreateReferral, request, &response);
  return FinishReferralChange(context, status, response);
}

int GetAndPrintReferral(CommandContext& context, const ParsedFlags& flags,
                        wor::v1::Referral* shown) {
  wor::v1::GetReferralRequest request;
  request.set_name(flags.positional(0));
  wor::v1::GetReferralResponse response;
  const absl::Status status =
      CallUnary(context, &ReferralConnection::GetReferral, request, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  ReferralPrinter(context.out(), context.messages(), context.now(),
                  context.time_zone())
      .PrintDetail(response.referral());
  if (shown != nullptr) *shown = std::move(*response.mutable_referral());
  return kExitOk;
}

int RunGet(CommandContext& context, const ParsedFlags& flags) {
  return GetAndPrintReferral(context, flags, /*shown=*/nullptr);
}

int RunList(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::ListReferralsRequest request;
  for (int state : flags.EnumValues("state")) {
    request.add_states(static_cast<wor::v1::ReferralState>(state));
  }
  request.set_practice_agb(flags.Value("practice"));
  request.set_welfare_organisation(flags.Value("organisation"));
  if (flags.Has("page-size")) {
    absl::StatusOr<int> page_size = ParseCountFlag(
        flags.Value("page-size"), "page-size", context.messages());
    if (!page_size.ok()) {
      return ReportUsageError(context, page_size.status(), kListCommand);
    }
    request.set_page_size(*page_size);
  }

  // Without --all one page's worth (--page-size, else the server's 50);
  // either way --json prints one document.
  wor::v1::ListReferralsResponse all;
  bool more = false;
  const int limit = flags.Has("all")          ? 0
                    : request.page_size() > 0 ? request.page_size()
                                              : kServerPageSize;
  const absl::Status status =
      CallList(context, &ReferralConnection::ListReferrals, request,
               all.mutable_referrals(), limit, &more);
  if (!status.ok()) return ReportRpcError(context, status);

  if (context.options().json) return PrintJsonResult(context, all);
  const ReferralPrinter printer(context.out(), context.messages(),
                                context.now(), context.time_zone());
  for (const wor::v1::Referral& referral : all.referrals()) {
    printer.PrintListLine(referral);
  }
  if (all.referrals_size() == 0) {
    context.err() << context.messages().Text(Msg::kNoReferrals) << "\n";
  }
  if (more) {
    context.err() << context.messages().Text(Msg::kMorePages) << "\n";
  }
  return kExitOk;
}

int RunAccept(CommandContext& context, const ParsedFlags& flags) {
  return CallReferralVerb(context, flags, wor::v1::AcceptReferralRequest(),
                          &ReferralConnection::AcceptReferral);
}

int RunReject(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::RejectReferralRequest request;
  request.set_reason(
      static_cast<wor::v1::RejectionReason>(flags.EnumValue("reason")));
  return CallReferralVerb(context, flags, request,
                          &ReferralConnection::RejectReferral);
}

int RunCancel(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::CancelReferralRequest request;
  request.set_reason(
      static_cast<wor::v1::CancellationReason>(flags.EnumValue("reason")));
  return CallReferralVerb(context, flags, request,
                          &ReferralConnection::CancelReferral);
}

int RunHold(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::PutReferralOnHoldRequest request;
  request.set_reason(
      static_cast<wor::v1::HoldReason>(flags.EnumValue("reason")));
  return CallReferralVerb(context, flags, request,
                          &ReferralConnection::PutReferralOnHold);
}

int RunResume(CommandContext& context, const ParsedFlags& flags) {
  return CallReferralVerb(context, flags, wor::v1::ResumeReferralRequest(),
                          &ReferralConnection::ResumeReferral);
}

}  // namespace wor::client
