#include "wor/client/audit_client.h"

#include <utility>

namespace wor::client {

StreamRange<wor::v1::AuditRecord> AuditClient::ListAuditRecords(
    wor::v1::ListAuditRecordsRequest request) {
  return connection_->ListAuditRecords(std::move(request));
}

absl::StatusOr<wor::v1::VerifyAuditChainResponse> AuditClient::VerifyAuditChain(
    const wor::v1::VerifyAuditChainRequest& request) {
  return connection_->VerifyAuditChain(request);
}

absl::StatusOr<wor::v1::GetPatientAccessReportResponse>
AuditClient::GetPatientAccessReport(
    const wor::v1::GetPatientAccessReportRequest& request) {
  return connection_->GetPatientAccessReport(request);
}

}  // namespace wor::client
