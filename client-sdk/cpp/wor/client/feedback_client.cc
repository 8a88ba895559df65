#include "wor/client/feedback_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::Feedback> FeedbackClient::SendFeedback(
    const wor::v1::SendFeedbackRequest& request) {
  auto response = connection_->SendFeedback(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_feedback());
}

StreamRange<wor::v1::Feedback> FeedbackClient::ListFeedback(
    wor::v1::ListFeedbackRequest request) {
  return connection_->ListFeedback(std::move(request));
}

absl::StatusOr<wor::v1::Feedback> FeedbackClient::AcknowledgeFeedback(
    const wor::v1::AcknowledgeFeedbackRequest& request) {
  auto response = connection_->AcknowledgeFeedback(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_feedback());
}

}  // namespace wor::client
