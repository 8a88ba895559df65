// The commands on ReferralService: create, get, list and the referral verbs.
#include <string>

#include "absl/status/statusor.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/input_files.h"
#include "client-sdk/cli/value_parsers.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::client {
namespace {

using wor::v1::ReferralService;

constexpr char kCreateCommand[] = "create";
constexpr char kListCommand[] = "list";

// Fetches one page; `request.page_token` says which.
grpc::Status ListPage(CommandContext& context,
                      const wor::v1::ListReferralsRequest& request,
                      wor::v1::ListReferralsResponse* response) {
  return CallUnary(context, &ReferralService::Stub::ListReferrals, request,
                   response);
}

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
  const grpc::Status status = CallUnary(
      context, &ReferralService::Stub::CreateReferral, request, &response);
  return FinishReferralChange(context, status, response);
}

int RunGet(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::GetReferralRequest request;
  request.set_name(flags.positional(0));
  wor::v1::GetReferralResponse response;
  const grpc::Status status = CallUnary(
      context, &ReferralService::Stub::GetReferral, request, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  ReferralPrinter(context.out(), context.messages(), context.now(),
                  context.time_zone())
      .PrintDetail(response.referral());
  return kExitOk;
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

  // With --all the pages are gathered into one response, so --json prints
  // one document either way.
  wor::v1::ListReferralsResponse all;
  const bool follow = flags.Has("all");
  do {
    wor::v1::ListReferralsResponse page;
    const grpc::Status status = ListPage(context, request, &page);
    if (!status.ok()) return ReportRpcError(context, status);
    for (wor::v1::Referral& referral : *page.mutable_referrals()) {
      *all.add_referrals() = std::move(referral);
    }
    all.set_next_page_token(page.next_page_token());
    request.set_page_token(page.next_page_token());
  } while (follow && !request.page_token().empty());

  if (context.options().json) return PrintJsonResult(context, all);
  const ReferralPrinter printer(context.out(), context.messages(),
                                context.now(), context.time_zone());
  for (const wor::v1::Referral& referral : all.referrals()) {
    printer.PrintListLine(referral);
  }
  if (all.referrals_size() == 0) {
    context.err() << context.messages().Text(Msg::kNoReferrals) << "\n";
  }
  if (!all.next_page_token().empty()) {
    context.err() << context.messages().Text(Msg::kMorePages) << "\n";
  }
  return kExitOk;
}

int RunAccept(CommandContext& context, const ParsedFlags& flags) {
  return CallReferralVerb(context, flags, wor::v1::AcceptReferralRequest(),
                          &ReferralService::Stub::AcceptReferral);
}

int RunReject(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::RejectReferralRequest request;
  request.set_reason(
      static_cast<wor::v1::RejectionReason>(flags.EnumValue("reason")));
  return CallReferralVerb(context, flags, request,
                          &ReferralService::Stub::RejectReferral);
}

int RunCancel(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::CancelReferralRequest request;
  request.set_reason(
      static_cast<wor::v1::CancellationReason>(flags.EnumValue("reason")));
  return CallReferralVerb(context, flags, request,
                          &ReferralService::Stub::CancelReferral);
}

int RunHold(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::PutReferralOnHoldRequest request;
  request.set_reason(
      static_cast<wor::v1::HoldReason>(flags.EnumValue("reason")));
  return CallReferralVerb(context, flags, request,
                          &ReferralService::Stub::PutReferralOnHold);
}

int RunResume(CommandContext& context, const ParsedFlags& flags) {
  return CallReferralVerb(context, flags, wor::v1::ResumeReferralRequest(),
                          &ReferralService::Stub::ResumeReferral);
}

}  // namespace wor::client
