#include "wor/client/partner_client.h"

namespace wor::client {

absl::StatusOr<wor::v1::GetReferralStatisticsResponse>
PartnerClient::GetReferralStatistics(
    const wor::v1::GetReferralStatisticsRequest& request) {
  return connection_->GetReferralStatistics(request);
}

absl::StatusOr<wor::v1::GetBudgetReportResponse> PartnerClient::GetBudgetReport(
    const wor::v1::GetBudgetReportRequest& request) {
  return connection_->GetBudgetReport(request);
}

StreamRange<wor::v1::ExportPseudonymisedRecordsResponse>
PartnerClient::ExportPseudonymisedRecords(
    const wor::v1::ExportPseudonymisedRecordsRequest& request) {
  return connection_->ExportPseudonymisedRecords(request);
}

}  // namespace wor::client
