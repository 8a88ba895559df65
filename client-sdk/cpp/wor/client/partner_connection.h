// PartnerConnection: the calls of wor.v1.PartnerService (statistics, the
// pseudonymised export and the budget report, for partner analysts) as the
// SDK makes them: identity and deadline on every unary call, retries of the
// (read-only) unary calls on UNAVAILABLE.
//
// The export is a stream that is not resumed behind the caller's back: keep
// the `resume_token` of the last message handled and pass it in the next
// request after a failure (see examples in docs/partner-clients.md).
//
// Use PartnerClient (partner_client.h); implement or mock this interface
// (mocks/mock_partner_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_PARTNER_CONNECTION_H_
#define WOR_CLIENT_PARTNER_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/client/stream_range.h"
#include "wor/v1/partner_service.grpc.pb.h"

namespace wor::client {

class PartnerConnection {
 public:
  virtual ~PartnerConnection() = default;

  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetReferralStatisticsResponse>
  GetReferralStatistics(
      const wor::v1::GetReferralStatisticsRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetBudgetReportResponse> GetBudgetReport(
      const wor::v1::GetBudgetReportRequest& request) = 0;
  // The messages of one export stream; a failure is the last element.
  virtual StreamRange<wor::v1::ExportPseudonymisedRecordsResponse>
  ExportPseudonymisedRecords(
      const wor::v1::ExportPseudonymisedRecordsRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<PartnerConnection> MakePartnerConnection(Options options);

// A connection over a given stub; `options` supply identity, deadline and
// retry.
std::shared_ptr<PartnerConnection> MakePartnerConnection(
    std::shared_ptr<wor::v1::PartnerService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_PARTNER_CONNECTION_H_
