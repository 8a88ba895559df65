// A gMock DiagnosticsConnection for unit tests of code that uses
// DiagnosticsClient:
//
//   auto mock =
//   std::make_shared<wor::client::mocks::MockDiagnosticsConnection>();
//   EXPECT_CALL(*mock, Ping).WillOnce(…);
//   wor::client::DiagnosticsClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_DIAGNOSTICS_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_DIAGNOSTICS_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/diagnostics_connection.h"

namespace wor::client::mocks {

class MockDiagnosticsConnection : public wor::client::DiagnosticsConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::PingResponse>, Ping,
              (const wor::v1::PingRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_DIAGNOSTICS_CONNECTION_H_
