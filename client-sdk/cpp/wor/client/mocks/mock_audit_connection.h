// A gMock AuditConnection for unit tests of code that uses AuditClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockAuditConnection>();
//   EXPECT_CALL(*mock, ListAuditRecords).WillOnce(…);
//   wor::client::AuditClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_AUDIT_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_AUDIT_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/audit_connection.h"

namespace wor::client::mocks {

class MockAuditConnection : public wor::client::AuditConnection {
 public:
  MOCK_METHOD(StreamRange<wor::v1::AuditRecord>, ListAuditRecords,
              (wor::v1::ListAuditRecordsRequest request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::VerifyAuditChainResponse>,
              VerifyAuditChain,
              (const wor::v1::VerifyAuditChainRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::GetPatientAccessReportResponse>,
              GetPatientAccessReport,
              (const wor::v1::GetPatientAccessReportRequest& request),
              (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_AUDIT_CONNECTION_H_
