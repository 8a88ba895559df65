// `wor referrals` (the coach's worklist) and `wor show` (one referral in
// full, with the deadline to act on next).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/format_values.h"
#include "client-sdk/cli/worklist.h"
#include "client-sdk/cli/worklist_output.h"
#include "wor/client/diagnostics_connection.h"
#include "wor/client/referral_connection.h"

namespace wor::client {
namespace {

constexpr char kReferralsCommand[] = "referrals";

// The states a coach still works on.
constexpr wor::v1::ReferralState kOpenStates[] = {
    wor::v1::REFERRAL_STATE_REQUESTED,
    wor::v1::REFERRAL_STATE_ACCEPTED,
    wor::v1::REFERRAL_STATE_CONTACTED,
    wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED,
    wor::v1::REFERRAL_STATE_INTAKE_DONE,
    wor::v1::REFERRAL_STATE_IN_PROGRESS,
    wor::v1::REFERRAL_STATE_ON_HOLD,
};

// Appends every referral of `request` to `referrals`, skipping names
// already there.
absl::Status ListAll(CommandContext& context,
                     wor::v1::ListReferralsRequest request,
                     std::vector<wor::v1::Referral>& referrals,
                     std::set<std::string>& seen) {
  request.set_page_size(200);
  google::protobuf::RepeatedPtrField<wor::v1::Referral> all;
  const absl::Status status =
      CallList(context, &ReferralConnection::ListReferrals, request, &all);
  if (!status.ok()) return status;
  for (wor::v1::Referral& referral : all) {
    if (seen.insert(referral.name()).second) {
      referrals.push_back(std::move(referral));
    }
  }
  return absl::OkStatus();
}

// The caller's coach name from the server (Ping), or a usage error that
// says what to use instead when the caller is no coach.
int FindCallingCoach(CommandContext& context, std::string& coach) {
  wor::v1::PingResponse who;
  const absl::Status status = CallUnary(context, &DiagnosticsConnection::Ping,
                                        wor::v1::PingRequest(), &who);
  if (!status.ok()) return ReportRpcError(context, status);
  if (who.coach().empty()) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(absl::Substitute(
            context.messages().Pick(
                "u bent geen coach (rol $0): een coördinator ziet de lijst "
                "van de organisatie met --all-coaches, of die van één coach "
                "met --coach welfareOrganisations/KVK/coaches/ID",
                "you are not a coach (role $0): a coordinator sees the "
                "organisation's list with --all-coaches, or one coach's with "
                "--coach welfareOrganisations/KVK/coaches/ID"),
            EnumText(who.role()))),
        kReferralsCommand);
  }
  coach = who.coach();
  return kExitOk;
}

}  // namespace

int RunReferrals(CommandContext& context, const ParsedFlags& flags) {
  if (flags.Has("all-coaches") && flags.Has("coach")) {
    return ReportUsageError(context,
                            absl::InvalidArgumentError(context.messages().Pick(
                                "geef --all-coaches of --coach, niet allebei",
                                "give --all-coaches or --coach, not both")),
                            kReferralsCommand);
  }
  std::string coach = flags.Value("coach");
  if (!flags.Has("all-coaches") && coach.empty()) {
    const int found = FindCallingCoach(context, coach);
    if (found != kExitOk) return found;
  }

  wor::v1::ListReferralsRequest request;
  const std::vector<int> asked = flags.EnumValues("state");
  if (asked.empty()) {
    for (wor::v1::ReferralState state : kOpenStates) request.add_states(state);
  }
  for (int state : asked) {
    request.add_states(static_cast<wor::v1::ReferralState>(state));
  }
  request.set_assigned_coach(coach);

  std::vector<wor::v1::Referral> referrals;
  std::set<std::string> seen;
  absl::Status status = ListAll(context, request, referrals, seen);
  // New referrals belong to no coach until one accepts them, but their
  // first-contact deadline already runs: a coach's list shows them too.
  if (status.ok() && !coach.empty() && asked.empty()) {
    wor::v1::ListReferralsRequest incoming;
    incoming.add_states(wor::v1::REFERRAL_STATE_REQUESTED);
    status = ListAll(context, incoming, referrals, seen);
  }
  if (!status.ok()) return ReportRpcError(context, status);

  const std::vector<WorklistEntry> worklist =
      BuildWorklist(std::move(referrals), context.now());
  if (context.options().json) {
    PrintWorklistJson(worklist, coach, context.out());
    return kExitOk;
  }
  if (worklist.empty()) {
    context.err() << context.messages().Text(Msg::kNoReferrals) << "\n";
    return kExitOk;
  }
  PrintWorklistTable(worklist, context.messages(), context.out());
  return kExitOk;
}

int RunShow(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::Referral referral;
  const int code = GetAndPrintReferral(context, flags, &referral);
  if (code != kExitOk || context.options().json) return code;
  const std::optional<NextDeadline> next =
      FindNextDeadline(referral, context.now());
  const Messages& messages = context.messages();
  // Lined up with the labels of PrintDetail.
  std::string label =
      absl::StrCat(messages.Pick("Volgende termijn", "Next deadline"), ":");
  label.resize(std::max<size_t>(label.size() + 1, 23), ' ');
  context.out() << "  " << label;
  if (next) {
    context.out() << (next->overdue ? "! " : "")
                  << DeadlineKindText(next->kind, messages) << ", "
                  << FormatDate(next->deadline.due_date()) << ", "
                  << DeadlineStandingText(*next, messages) << "\n";
  } else {
    context.out() << messages.Pick("geen lopende termijn",
                                   "no running deadline")
                  << "\n";
  }
  return kExitOk;
}

}  // namespace wor::client
