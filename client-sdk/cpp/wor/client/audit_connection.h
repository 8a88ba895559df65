// AuditConnection: the calls of wor.v1.AuditService (the audit trail: records,
// chain verification and a patient's access report) as the SDK makes them:
// identity and deadline on every call, retries of idempotent calls on
// UNAVAILABLE, a request_id on every mutating call.
//
// Use AuditClient (audit_client.h); implement or mock this interface
// (mocks/mock_audit_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_AUDIT_CONNECTION_H_
#define WOR_CLIENT_AUDIT_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/client/stream_range.h"
#include "wor/v1/audit_service.grpc.pb.h"

namespace wor::client {

class AuditConnection {
 public:
  virtual ~AuditConnection() = default;

  // Fetches page after page as the range is iterated; each page is retried like
  // a read.
  virtual StreamRange<wor::v1::AuditRecord> ListAuditRecords(
      wor::v1::ListAuditRecordsRequest request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::VerifyAuditChainResponse> VerifyAuditChain(
      const wor::v1::VerifyAuditChainRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetPatientAccessReportResponse>
  GetPatientAccessReport(
      const wor::v1::GetPatientAccessReportRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<AuditConnection> MakeAuditConnection(Options options);

// A connection over a given stub (e.g. the generated MockAuditServiceStub in
// tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<AuditConnection> MakeAuditConnection(
    std::shared_ptr<wor::v1::AuditService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_AUDIT_CONNECTION_H_
