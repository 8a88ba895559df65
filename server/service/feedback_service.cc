#include "server/service/feedback_service.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status FeedbackServiceImpl::SendFeedback(
    grpc::ServerContext* context, const wor::v1::SendFeedbackRequest* request,
    wor::v1::SendFeedbackResponse* response) {
  return runner_->Run(context, "wor.v1.FeedbackService.SendFeedback",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Send(call, *request),
                                       [&](wor::v1::Feedback f) {
                                         *response->mutable_feedback() =
                                             std::move(f);
                                       });
                      });
}

grpc::Status FeedbackServiceImpl::ListFeedback(
    grpc::ServerContext* context, const wor::v1::ListFeedbackRequest* request,
    wor::v1::ListFeedbackResponse* response) {
  return runner_->Run(context, "wor.v1.FeedbackService.ListFeedback",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->List(call, *request),
                                       [&](wor::v1::ListFeedbackResponse r) {
                                         *response = std::move(r);
                                       });
                      });
}

grpc::Status FeedbackServiceImpl::AcknowledgeFeedback(
    grpc::ServerContext* context,
    const wor::v1::AcknowledgeFeedbackRequest* request,
    wor::v1::AcknowledgeFeedbackResponse* response) {
  return runner_->Run(context, "wor.v1.FeedbackService.AcknowledgeFeedback",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Acknowledge(call, *request),
                                       [&](wor::v1::Feedback f) {
                                         *response->mutable_feedback() =
                                             std::move(f);
                                       });
                      });
}

}  // namespace wor::server
