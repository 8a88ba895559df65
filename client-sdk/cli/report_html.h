// The regional report of `wor report`: one self-contained HTML file (inline
// CSS and SVG charts, no scripts, nothing fetched) with what a programme
// manager brings to the steering group — referrals per month per practice,
// deadline compliance, outcomes, wellbeing change and budget use — from the
// partner statistics as the server published them (suppressed counts show
// as "<5"; the report never recomputes or fills them in).
//
// Pure: renders the data it is given.
#ifndef WOR_CLIENT_SDK_CLI_REPORT_HTML_H_
#define WOR_CLIENT_SDK_CLI_REPORT_HTML_H_

#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "client-sdk/cli/messages.h"
#include "wor/v1/partner_service.pb.h"

namespace wor::client {

struct ReportData {
  absl::CivilDay from;
  absl::CivilDay to;
  // Rows PRACTICE_GROUP, one total column.
  wor::v1::GetReferralStatisticsResponse by_group;
  // Rows PRACTICE, columns PRACTICE_GROUP: which group each practice is in.
  wor::v1::GetReferralStatisticsResponse practice_by_group;
  // Rows PRACTICE, columns MONTH (with compliance per practice).
  wor::v1::GetReferralStatisticsResponse practice_by_month;
  // Rows OUTCOME.
  wor::v1::GetReferralStatisticsResponse by_outcome;
  // Absent when the caller may not see a budget.
  std::optional<wor::v1::GetBudgetReportResponse> budget;
};

// "179 verwijzingen: 87 uit 3 Pilotpraktijken, 92 uit 7 Overige praktijken".
std::string ReportHeadline(const ReportData& data, const Messages& messages);

std::string RenderReportHtml(const ReportData& data, const Messages& messages);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_REPORT_HTML_H_
