// A gMock ReferralFormConnection for unit tests of code that uses
// ReferralFormClient:
//
//   auto mock =
//   std::make_shared<wor::client::mocks::MockReferralFormConnection>();
//   EXPECT_CALL(*mock, GetReferralForm).WillOnce(…);
//   wor::client::ReferralFormClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_REFERRAL_FORM_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_REFERRAL_FORM_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/referral_form_connection.h"

namespace wor::client::mocks {

class MockReferralFormConnection : public wor::client::ReferralFormConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::GetReferralFormResponse>, GetReferralForm,
              (const wor::v1::GetReferralFormRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_REFERRAL_FORM_CONNECTION_H_
