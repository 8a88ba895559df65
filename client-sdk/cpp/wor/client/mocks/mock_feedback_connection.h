// A gMock FeedbackConnection for unit tests of code that uses FeedbackClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockFeedbackConnection>();
//   EXPECT_CALL(*mock, SendFeedback).WillOnce(…);
//   wor::client::FeedbackClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_FEEDBACK_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_FEEDBACK_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/feedback_connection.h"

namespace wor::client::mocks {

class MockFeedbackConnection : public wor::client::FeedbackConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::SendFeedbackResponse>, SendFeedback,
              (const wor::v1::SendFeedbackRequest& request), (override));
  MOCK_METHOD(StreamRange<wor::v1::Feedback>, ListFeedback,
              (wor::v1::ListFeedbackRequest request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::AcknowledgeFeedbackResponse>,
              AcknowledgeFeedback,
              (const wor::v1::AcknowledgeFeedbackRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_FEEDBACK_CONNECTION_H_
