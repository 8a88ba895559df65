// FeedbackConnection: the calls of wor.v1.FeedbackService (feedback from the
// coach to the GP: send, list, acknowledge) as the SDK makes them: identity and
// deadline on every call, retries of idempotent calls on UNAVAILABLE, a
// request_id on every mutating call.
//
// Use FeedbackClient (feedback_client.h); implement or mock this interface
// (mocks/mock_feedback_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_FEEDBACK_CONNECTION_H_
#define WOR_CLIENT_FEEDBACK_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/client/stream_range.h"
#include "wor/v1/feedback.grpc.pb.h"

namespace wor::client {

class FeedbackConnection {
 public:
  virtual ~FeedbackConnection() = default;

  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::SendFeedbackResponse> SendFeedback(
      const wor::v1::SendFeedbackRequest& request) = 0;
  // Fetches page after page as the range is iterated; each page is retried like
  // a read.
  virtual StreamRange<wor::v1::Feedback> ListFeedback(
      wor::v1::ListFeedbackRequest request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::AcknowledgeFeedbackResponse>
  AcknowledgeFeedback(const wor::v1::AcknowledgeFeedbackRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<FeedbackConnection> MakeFeedbackConnection(Options options);

// A connection over a given stub (e.g. the generated MockFeedbackServiceStub in
// tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<FeedbackConnection> MakeFeedbackConnection(
    std::shared_ptr<wor::v1::FeedbackService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_FEEDBACK_CONNECTION_H_
