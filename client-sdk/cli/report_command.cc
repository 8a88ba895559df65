// `wor report`: the regional report for partners (municipality, insurer,
// regional programme) as one self-contained HTML file, from the anonymous
// statistics and the budget report of PartnerService. `wor time log`: the
// coach's time on a referral, for that budget report.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/substitute.h"
#include "absl/time/civil_time.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/report_html.h"
#include "wor/client/intake_connection.h"
#include "wor/client/partner_connection.h"

namespace wor::client {
namespace {

wor::v1::LocalDate ToDate(absl::CivilDay day) {
  wor::v1::LocalDate date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

absl::StatusOr<absl::CivilDay> DayFlag(const ParsedFlags& flags,
                                       const std::string& name,
                                       absl::CivilDay fallback,
                                       const Messages& m) {
  if (!flags.Has(name)) return fallback;
  absl::CivilDay day;
  if (!absl::ParseCivilTime(flags.Value(name), &day)) {
    return absl::InvalidArgumentError(
        absl::Substitute(m.Pick("ongeldige --$0 '$1': gebruik JJJJ-MM-DD",
                                "invalid --$0 '$1': use YYYY-MM-DD"),
                         name, flags.Value(name)));
  }
  return day;
}

absl::Status Statistics(CommandContext& context, absl::CivilDay from,
                        absl::CivilDay to, wor::v1::StatisticsDimension rows,
                        wor::v1::StatisticsDimension columns,
                        wor::v1::GetReferralStatisticsResponse* out) {
  wor::v1::GetReferralStatisticsRequest request;
  *request.mutable_period_start() = ToDate(from);
  *request.mutable_period_end() = ToDate(to);
  request.set_rows(rows);
  request.set_columns(columns);
  return CallUnary(context, &PartnerConnection::GetReferralStatistics, request,
                   out);
}

// Writes `text` to `path` through a temporary file in the same directory,
// so that a failure leaves no half report behind.
absl::Status WriteFileAtomically(const std::string& path,
                                 const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
      std::remove(temporary.c_str());
      return absl::UnavailableError(absl::StrCat("cannot write ", temporary));
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::remove(temporary.c_str());
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path, ": ", error.message()));
  }
  return absl::OkStatus();
}

}  // namespace

int RunReport(CommandContext& context, const ParsedFlags& flags) {
  const Messages& m = context.messages();
  const absl::CivilDay today =
      absl::ToCivilDay(context.now(), context.time_zone());
  absl::StatusOr<absl::CivilDay> from =
      DayFlag(flags, "from", absl::CivilDay(today.year(), 1, 1), m);
  if (!from.ok()) return ReportUsageError(context, from.status(), "report");
  // Statistics cover whole months: by default up to the end of this one.
  const absl::CivilDay end_of_month =
      absl::CivilDay(absl::CivilMonth(today) + 1) - 1;
  absl::StatusOr<absl::CivilDay> to = DayFlag(flags, "to", end_of_month, m);
  if (!to.ok()) return ReportUsageError(context, to.status(), "report");

  ReportData data;
  data.from = *from;
  data.to = *to;
  using wor::v1::STATISTICS_DIMENSION_MONTH;
  using wor::v1::STATISTICS_DIMENSION_OUTCOME;
  using wor::v1::STATISTICS_DIMENSION_PRACTICE;
  using wor::v1::STATISTICS_DIMENSION_PRACTICE_GROUP;
  using wor::v1::STATISTICS_DIMENSION_UNSPECIFIED;
  context.err() << m.Pick("Statistieken ophalen…", "Fetching statistics…")
                << std::endl;
  for (absl::Status status :
       {Statistics(context, *from, *to, STATISTICS_DIMENSION_PRACTICE_GROUP,
                   STATISTICS_DIMENSION_UNSPECIFIED, &data.by_group),
        Statistics(context, *from, *to, STATISTICS_DIMENSION_PRACTICE,
                   STATISTICS_DIMENSION_PRACTICE_GROUP,
                   &data.practice_by_group),
        Statistics(context, *from, *to, STATISTICS_DIMENSION_PRACTICE,
                   STATISTICS_DIMENSION_MONTH, &data.practice_by_month),
        Statistics(context, *from, *to, STATISTICS_DIMENSION_OUTCOME,
                   STATISTICS_DIMENSION_UNSPECIFIED, &data.by_outcome)}) {
    if (!status.ok()) return ReportRpcError(context, status);
  }
  context.err() << m.Pick("Budget ophalen…", "Fetching the budget…")
                << std::endl;
  wor::v1::GetBudgetReportRequest budget_request;
  *budget_request.mutable_as_of() = ToDate(std::min(*to, today));
  wor::v1::GetBudgetReportResponse budget;
  const absl::Status budget_status = CallUnary(
      context, &PartnerConnection::GetBudgetReport, budget_request, &budget);
  if (budget_status.ok()) {
    data.budget = budget;
  } else if (!absl::IsPermissionDenied(budget_status)) {
    return ReportRpcError(context, budget_status);
  }

  const std::string path = flags.Has("out")
                               ? flags.Value("out")
                               : absl::StrFormat("wor-rapport-%s-%s.html",
                                                 absl::FormatCivilTime(*from),
                                                 absl::FormatCivilTime(*to));
  const absl::Status written =
      WriteFileAtomically(path, RenderReportHtml(data, m));
  if (!written.ok()) return ReportLocalError(context, written);
  context.out() << ReportHeadline(data, m) << "\n"
                << absl::Substitute(m.Pick("Rapport geschreven naar $0",
                                           "Report written to $0"),
                                    path)
                << "\n";
  return kExitOk;
}

int RunTimeLog(CommandContext& context, const ParsedFlags& flags) {
  const Messages& m = context.messages();
  const absl::CivilDay today =
      absl::ToCivilDay(context.now(), context.time_zone());
  absl::StatusOr<absl::CivilDay> day = DayFlag(flags, "day", today, m);
  if (!day.ok()) return ReportUsageError(context, day.status(), "time log");
  int minutes = 0;
  if (!absl::SimpleAtoi(flags.Value("minutes"), &minutes)) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(absl::Substitute(
            m.Pick("ongeldige --minutes '$0': gebruik een aantal minuten",
                   "invalid --minutes '$0': give a number of minutes"),
            flags.Value("minutes"))),
        "time log");
  }
  absl::StatusOr<std::string> request_id = RequestIdFor(flags, m);
  if (!request_id.ok()) {
    return ReportUsageError(context, request_id.status(), "time log");
  }
  wor::v1::LogCoachTimeRequest request;
  request.set_name(flags.positional(0));
  *request.mutable_day() = ToDate(*day);
  request.set_minutes(minutes);
  request.set_request_id(*request_id);
  wor::v1::LogCoachTimeResponse response;
  const absl::Status status =
      CallUnary(context, &IntakeConnection::LogCoachTime, request, &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  context.out() << absl::Substitute(m.Pick("$0 minuten geschreven op $1 ($2)",
                                           "$0 minutes logged on $1 ($2)"),
                                    response.entry().minutes(),
                                    response.entry().referral(),
                                    absl::FormatCivilTime(*day))
                << "\n";
  return kExitOk;
}

}  // namespace wor::client
