// A gMock ReferralConnection for unit tests of code that uses ReferralClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockReferralConnection>();
//   EXPECT_CALL(*mock, CreateReferral).WillOnce(…);
//   wor::client::ReferralClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_REFERRAL_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_REFERRAL_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/referral_connection.h"

namespace wor::client::mocks {

class MockReferralConnection : public wor::client::ReferralConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::CreateReferralResponse>, CreateReferral,
              (const wor::v1::CreateReferralRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::GetReferralResponse>, GetReferral,
              (const wor::v1::GetReferralRequest& request), (override));
  MOCK_METHOD(StreamRange<wor::v1::Referral>, ListReferrals,
              (wor::v1::ListReferralsRequest request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::AcceptReferralResponse>, AcceptReferral,
              (const wor::v1::AcceptReferralRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::RejectReferralResponse>, RejectReferral,
              (const wor::v1::RejectReferralRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::CancelReferralResponse>, CancelReferral,
              (const wor::v1::CancelReferralRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::PutReferralOnHoldResponse>,
              PutReferralOnHold,
              (const wor::v1::PutReferralOnHoldRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::ResumeReferralResponse>, ResumeReferral,
              (const wor::v1::ResumeReferralRequest& request), (override));
  MOCK_METHOD(std::unique_ptr<ReferralEventStream>, WatchReferrals,
              (const wor::v1::WatchReferralsRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_REFERRAL_CONNECTION_H_
