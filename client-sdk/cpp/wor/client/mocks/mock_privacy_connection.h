// A gMock PrivacyConnection for unit tests of code that uses PrivacyClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockPrivacyConnection>();
//   EXPECT_CALL(*mock, ErasePatientData).WillOnce(…);
//   wor::client::PrivacyClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_PRIVACY_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_PRIVACY_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/privacy_connection.h"

namespace wor::client::mocks {

class MockPrivacyConnection : public wor::client::PrivacyConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::ErasePatientDataResponse>,
              ErasePatientData,
              (const wor::v1::ErasePatientDataRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_PRIVACY_CONNECTION_H_
