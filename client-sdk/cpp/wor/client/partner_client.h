// PartnerClient: wor.v1.PartnerService, monitoring for the partners that fund
// Welzijn op Recept — anonymous statistics, the pseudonymised export of
// consented patients, and coach hours against budget.
//
//   wor::client::PartnerClient client(
//       wor::client::MakePartnerConnection(options));
//   auto stats = client.GetReferralStatistics(request);
//   for (auto& message : client.ExportPseudonymisedRecords(export_request)) {
//     if (!message.ok()) { /* resume later from the last token */ break; }
//     ...
//   }
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
#ifndef WOR_CLIENT_PARTNER_CLIENT_H_
#define WOR_CLIENT_PARTNER_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/partner_connection.h"

namespace wor::client {

class PartnerClient {
 public:
  explicit PartnerClient(std::shared_ptr<PartnerConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::GetReferralStatisticsResponse> GetReferralStatistics(
      const wor::v1::GetReferralStatisticsRequest& request);
  absl::StatusOr<wor::v1::GetBudgetReportResponse> GetBudgetReport(
      const wor::v1::GetBudgetReportRequest& request);
  StreamRange<wor::v1::ExportPseudonymisedRecordsResponse>
  ExportPseudonymisedRecords(
      const wor::v1::ExportPseudonymisedRecordsRequest& request);

 private:
  std::shared_ptr<PartnerConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_PARTNER_CLIENT_H_
