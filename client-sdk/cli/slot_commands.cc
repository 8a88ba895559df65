// Booking the intake: `wor slots` (free slots of a coach), `wor schedule`
// (at a time or in a numbered slot), `wor intake cancel`, `wor intake
// no-show`, and `wor availability set` (the hours the slots come from).
#include <algorithm>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/format_values.h"
#include "client-sdk/cli/value_parsers.h"
#include "wor/client/diagnostics_connection.h"
#include "wor/client/intake_connection.h"
#include "wor/client/scheduling_connection.h"

namespace wor::client {
namespace {

// Fills in what `wor slots` and `wor schedule --slot` share: the referral,
// --coach, --duration, --from and --count. Returns a usage error's exit
// code, or kExitOk.
int BuildSlotRequest(CommandContext& context, const ParsedFlags& flags,
                     const char* command,
                     wor::v1::FindIntakeSlotsRequest& request) {
  request.set_name(flags.positional(0));
  request.set_coach(flags.Value("coach"));
  const std::pair<const char*,
                  void (wor::v1::FindIntakeSlotsRequest::*)(int32_t)>
      counts[] = {
          {"duration", &wor::v1::FindIntakeSlotsRequest::set_duration_minutes},
          {"count", &wor::v1::FindIntakeSlotsRequest::set_max_slots}};
  for (const auto& [flag, setter] : counts) {
    if (!flags.Has(flag)) continue;
    absl::StatusOr<int> value =
        ParseCountFlag(flags.Value(flag), flag, context.messages());
    if (!value.ok()) return ReportUsageError(context, value.status(), command);
    (request.*setter)(*value);
  }
  if (flags.Has("from")) {
    absl::StatusOr<google::protobuf::Timestamp> from =
        ParseTimeFlag(flags.Value("from"), "from", context.messages());
    if (!from.ok()) return ReportUsageError(context, from.status(), command);
    *request.mutable_earliest_time() = *from;
  }
  return kExitOk;
}

void PrintSlots(CommandContext& context,
                const wor::v1::FindIntakeSlotsResponse& response) {
  const Messages& messages = context.messages();
  std::ostream& out = context.out();
  out << messages.Pick("Intake op tijd als die begint vóór",
                       "Intake on time when it starts before")
      << ": " << FormatTime(response.intake_due_time(), context.time_zone())
      << "\n";
  int number = 0;
  for (const wor::v1::IntakeSlot& slot : response.slots()) {
    out << "  " << ++number << "  "
        << FormatTime(slot.start_time(), context.time_zone()) << " – "
        << absl::FormatTime("%H:%M", FromTimestamp(slot.end_time()),
                            context.time_zone())
        << "  " << slot.coach() << "  "
        << (slot.meets_deadline()
                ? messages.Pick("binnen termijn", "meets deadline")
                : messages.Pick("! NA TERMIJN (--late-reason nodig)",
                                "! AFTER DEADLINE (needs --late-reason)"))
        << "\n";
  }
  if (response.slots_size() == 0) {
    context.err() << messages.Pick(
                         "Geen vrije tijden: publiceer beschikbaarheid met "
                         "'wor availability set' of kies een andere --coach.",
                         "No free slots: publish availability with 'wor "
                         "availability set' or choose another --coach.")
                  << "\n";
  }
}

// The --slot N-th slot (1-based) of the slots `wor slots` would list.
int PickSlot(CommandContext& context, const ParsedFlags& flags,
             wor::v1::IntakeSlot& slot) {
  absl::StatusOr<int> number =
      ParseCountFlag(flags.Value("slot"), "slot", context.messages());
  if (!number.ok()) {
    return ReportUsageError(context, number.status(), "schedule");
  }
  // The server proposes at most 20 slots.
  if (*number < 1 || *number > 20) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(absl::Substitute(
            context.messages().Pick(
                "--slot verwacht een nummer van 1 tot 20 uit 'wor slots $0'",
                "--slot expects a number from 1 to 20 from 'wor slots $0'"),
            flags.positional(0))),
        "schedule");
  }
  wor::v1::FindIntakeSlotsRequest request;
  const int built = BuildSlotRequest(context, flags, "schedule", request);
  if (built != kExitOk) return built;
  request.set_max_slots(std::max(*number, 5));
  wor::v1::FindIntakeSlotsResponse response;
  const absl::Status status = CallUnary(
      context, &IntakeConnection::FindIntakeSlots, request, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (*number > response.slots_size()) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(absl::Substitute(
            context.messages().Pick(
                "er is geen tijd $0: 'wor slots $1' toont er $2",
                "there is no slot $0: 'wor slots $1' shows $2"),
            *number, flags.positional(0), response.slots_size())),
        "schedule");
  }
  slot = response.slots(*number - 1);
  return kExitOk;
}

}  // namespace

int RunSlots(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::FindIntakeSlotsRequest request;
  const int built = BuildSlotRequest(context, flags, "slots", request);
  if (built != kExitOk) return built;
  wor::v1::FindIntakeSlotsResponse response;
  const absl::Status status = CallUnary(
      context, &IntakeConnection::FindIntakeSlots, request, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  PrintSlots(context, response);
  return kExitOk;
}

int RunSchedule(CommandContext& context, const ParsedFlags& flags) {
  if (flags.Has("at") == flags.Has("slot")) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(context.messages().Pick(
            "geef --at TIJD of --slot N (een nummer uit 'wor slots'), één "
            "van beide",
            "give --at TIME or --slot N (a number from 'wor slots'), one of "
            "the two")),
        "schedule");
  }
  wor::v1::ScheduleIntakeRequest request;
  request.set_coach(flags.Value("coach"));
  if (flags.Has("slot")) {
    wor::v1::IntakeSlot slot;
    const int picked = PickSlot(context, flags, slot);
    if (picked != kExitOk) return picked;
    *request.mutable_scheduled_time() = slot.start_time();
    request.set_coach(slot.coach());
  } else {
    absl::StatusOr<google::protobuf::Timestamp> at =
        ParseTimeFlag(flags.Value("at"), "at", context.messages());
    if (!at.ok()) return ReportUsageError(context, at.status(), "schedule");
    *request.mutable_scheduled_time() = *at;
  }
  if (flags.Has("duration")) {
    absl::StatusOr<int> minutes =
        ParseCountFlag(flags.Value("duration"), "duration", context.messages());
    if (!minutes.ok()) {
      return ReportUsageError(context, minutes.status(), "schedule");
    }
    request.set_duration_minutes(*minutes);
  }
  request.set_location(
      static_cast<wor::v1::IntakeLocation>(flags.EnumValue("location")));
  request.set_late_reason(
      static_cast<wor::v1::IntakeLateReason>(flags.EnumValue("late-reason")));
  return CallReferralVerb(context, flags, request,
                          &IntakeConnection::ScheduleIntake);
}

int RunIntakeCancel(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::CancelIntakeRequest request;
  request.set_cancelled_by(
      static_cast<wor::v1::IntakeCancelledBy>(flags.EnumValue("by")));
  return CallReferralVerb(context, flags, request,
                          &IntakeConnection::CancelIntake);
}

int RunIntakeNoShow(CommandContext& context, const ParsedFlags& flags) {
  return CallReferralVerb(context, flags, wor::v1::RecordIntakeNoShowRequest(),
                          &IntakeConnection::RecordIntakeNoShow);
}

}  // namespace wor::client
