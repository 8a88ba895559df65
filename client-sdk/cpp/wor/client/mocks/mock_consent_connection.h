// A gMock ConsentConnection for unit tests of code that uses ConsentClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockConsentConnection>();
//   EXPECT_CALL(*mock, RecordConsent).WillOnce(…);
//   wor::client::ConsentClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_CONSENT_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_CONSENT_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/consent_connection.h"

namespace wor::client::mocks {

class MockConsentConnection : public wor::client::ConsentConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::RecordConsentResponse>, RecordConsent,
              (const wor::v1::RecordConsentRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::GetConsentResponse>, GetConsent,
              (const wor::v1::GetConsentRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::RevokeConsentResponse>, RevokeConsent,
              (const wor::v1::RevokeConsentRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::GetConsentReceiptResponse>,
              GetConsentReceipt,
              (const wor::v1::GetConsentReceiptRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_CONSENT_CONNECTION_H_
