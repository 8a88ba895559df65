#include "server/service/feedback_service.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status FeedbackServiceImpl::SendFeedback(
    grpc::ServerContext*, const wor::v1::SendFeedbackRequest* request,
    wor::v1::SendFeedbackResponse* response) {
  return runner_->Run("SendFeedback", [&] {
    return Deliver(workflow_->Send(*request), [&](wor::v1::Feedback f) {
      *response->mutable_feedback() = std::move(f);
    });
  });
}

grpc::Status FeedbackServiceImpl::ListFeedback(
    grpc::ServerContext*, const wor::v1::ListFeedbackRequest* request,
    wor::v1::ListFeedbackResponse* response) {
  return runner_->Run("ListFeedback", [&] {
    return Deliver(
        workflow_->List(*request),
        [&](wor::v1::ListFeedbackResponse r) { *response = std::move(r); });
  });
}

grpc::Status FeedbackServiceImpl::AcknowledgeFeedback(
    grpc::ServerContext*, const wor::v1::AcknowledgeFeedbackRequest* request,
    wor::v1::AcknowledgeFeedbackResponse* response) {
  return runner_->Run("AcknowledgeFeedback", [&] {
    return Deliver(workflow_->Acknowledge(*request), [&](wor::v1::Feedback f) {
      *response->mutable_feedback() = std::move(f);
    });
  });
}

}  // namespace wor::server
