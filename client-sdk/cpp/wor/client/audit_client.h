// AuditClient: wor.v1.AuditService, the audit trail: records, chain
// verification and a patient's access report.
//
//   wor::client::AuditClient client(
//       wor::client::MakeAuditConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_AUDIT_CLIENT_H_
#define WOR_CLIENT_AUDIT_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/audit_connection.h"

namespace wor::client {

class AuditClient {
 public:
  explicit AuditClient(std::shared_ptr<AuditConnection> connection)
      : connection_(std::move(connection)) {}

  StreamRange<wor::v1::AuditRecord> ListAuditRecords(
      wor::v1::ListAuditRecordsRequest request);
  absl::StatusOr<wor::v1::VerifyAuditChainResponse> VerifyAuditChain(
      const wor::v1::VerifyAuditChainRequest& request);
  absl::StatusOr<wor::v1::GetPatientAccessReportResponse>
  GetPatientAccessReport(const wor::v1::GetPatientAccessReportRequest& request);

 private:
  std::shared_ptr<AuditConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_AUDIT_CLIENT_H_
