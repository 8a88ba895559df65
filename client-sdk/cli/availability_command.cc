// `wor availability set`: the weekly hours in which a coach holds intakes,
// which `wor slots` proposes from. Replaces the weekly hours and keeps the
// exceptions and leave already published.
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/substitute.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/format_values.h"
#include "wor/client/diagnostics_connection.h"
#include "wor/client/scheduling_connection.h"

namespace wor::client {
namespace {

constexpr char kCommand[] = "availability set";

// "09:00" → 540; -1 when malformed.
int MinuteOfDay(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, ':');
  int hours = 0;
  int minutes = 0;
  if (parts.size() != 2 || parts[1].size() != 2 ||
      !absl::SimpleAtoi(parts[0], &hours) ||
      !absl::SimpleAtoi(parts[1], &minutes) || hours < 0 || hours > 24 ||
      minutes < 0 || minutes > 59) {
    return -1;
  }
  return hours * 60 + minutes;
}

// "09:00-12:00"; the server checks the range itself.
absl::StatusOr<wor::v1::TimeRange> ParseHours(absl::string_view text,
                                              const Messages& messages) {
  std::vector<absl::string_view> ends = absl::StrSplit(text, '-');
  wor::v1::TimeRange range;
  if (ends.size() == 2) {
    range.set_start_minute(MinuteOfDay(ends[0]));
    range.set_end_minute(MinuteOfDay(ends[1]));
  }
  if (ends.size() != 2 || range.start_minute() < 0 || range.end_minute() < 0) {
    return absl::InvalidArgumentError(absl::Substitute(
        messages.Pick("ongeldige --hours '$0': gebruik UU:MM-UU:MM, "
                      "bijvoorbeeld 09:00-12:00",
                      "invalid --hours '$0': use HH:MM-HH:MM, for example "
                      "09:00-12:00"),
        text));
  }
  return range;
}

}  // namespace

int RunAvailabilitySet(CommandContext& context, const ParsedFlags& flags) {
  absl::StatusOr<wor::v1::TimeRange> hours =
      ParseHours(flags.Value("hours"), context.messages());
  if (!hours.ok()) return ReportUsageError(context, hours.status(), kCommand);
  std::string coach = flags.Value("coach");
  if (coach.empty()) {
    wor::v1::PingResponse who;
    const absl::Status status = CallUnary(context, &DiagnosticsConnection::Ping,
                                          wor::v1::PingRequest(), &who);
    if (!status.ok()) return ReportRpcError(context, status);
    coach = who.coach();
    if (coach.empty()) {
      return ReportUsageError(
          context,
          absl::InvalidArgumentError(context.messages().Pick(
              "u bent geen coach: noem de coach met --coach "
              "welfareOrganisations/KVK/coaches/ID",
              "you are not a coach: name the coach with --coach "
              "welfareOrganisations/KVK/coaches/ID")),
          kCommand);
    }
  }

  wor::v1::GetCoachAvailabilityRequest get;
  get.set_name(coach + "/availability");
  wor::v1::GetCoachAvailabilityResponse current;
  absl::Status status = CallUnary(
      context, &SchedulingConnection::GetCoachAvailability, get, &current);
  if (!status.ok()) return ReportRpcError(context, status);

  wor::v1::UpdateCoachAvailabilityRequest update;
  wor::v1::CoachAvailability& availability = *update.mutable_availability();
  availability = current.availability();
  availability.set_name(get.name());
  availability.clear_weekly_hours();
  for (int day : flags.EnumValues("day")) {
    wor::v1::WeeklyHours& weekly = *availability.add_weekly_hours();
    weekly.set_weekday(static_cast<wor::v1::Weekday>(day));
    *weekly.mutable_hours() = *hours;
  }
  wor::v1::UpdateCoachAvailabilityResponse response;
  status = CallUnary(context, &SchedulingConnection::UpdateCoachAvailability,
                     update, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  context.out() << response.availability().name() << "\n";
  for (const wor::v1::WeeklyHours& weekly :
       response.availability().weekly_hours()) {
    context.out() << "  " << EnumText(weekly.weekday()) << "  "
                  << flags.Value("hours") << "\n";
  }
  return kExitOk;
}

}  // namespace wor::client
