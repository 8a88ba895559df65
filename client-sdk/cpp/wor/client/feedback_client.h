// FeedbackClient: wor.v1.FeedbackService, feedback from the coach to the GP:
// send, list, acknowledge.
//
//   wor::client::FeedbackClient client(
//       wor::client::MakeFeedbackConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_FEEDBACK_CLIENT_H_
#define WOR_CLIENT_FEEDBACK_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/feedback_connection.h"

namespace wor::client {

class FeedbackClient {
 public:
  explicit FeedbackClient(std::shared_ptr<FeedbackConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::Feedback> SendFeedback(
      const wor::v1::SendFeedbackRequest& request);
  StreamRange<wor::v1::Feedback> ListFeedback(
      wor::v1::ListFeedbackRequest request);
  absl::StatusOr<wor::v1::Feedback> AcknowledgeFeedback(
      const wor::v1::AcknowledgeFeedbackRequest& request);

 private:
  std::shared_ptr<FeedbackConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_FEEDBACK_CLIENT_H_
