// A gMock PartnerConnection for unit tests of code that uses PartnerClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockPartnerConnection>();
//   EXPECT_CALL(*mock, GetReferralStatistics).WillOnce(…);
//   EXPECT_CALL(*mock, ExportPseudonymisedRecords)
//       .WillOnce([](auto&&) { return wor::client::MakeStreamRange(...); });
//   wor::client::PartnerClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_PARTNER_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_PARTNER_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/partner_connection.h"

namespace wor::client::mocks {

class MockPartnerConnection : public wor::client::PartnerConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::GetReferralStatisticsResponse>,
              GetReferralStatistics,
              (const wor::v1::GetReferralStatisticsRequest& request),
              (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::GetBudgetReportResponse>, GetBudgetReport,
              (const wor::v1::GetBudgetReportRequest& request), (override));
  MOCK_METHOD(StreamRange<wor::v1::ExportPseudonymisedRecordsResponse>,
              ExportPseudonymisedRecords,
              (const wor::v1::ExportPseudonymisedRecordsRequest& request),
              (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_PARTNER_CONNECTION_H_
