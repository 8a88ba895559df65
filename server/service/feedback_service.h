// wor.v1.FeedbackService over the feedback workflow. Thread-safe.
#ifndef WOR_SERVER_SERVICE_FEEDBACK_SERVICE_H_
#define WOR_SERVER_SERVICE_FEEDBACK_SERVICE_H_

#include "server/domain/feedback_workflow.h"
#include "server/service/rpc_runner.h"
#include "wor/v1/feedback.grpc.pb.h"

namespace wor::server {

class FeedbackServiceImpl final : public wor::v1::FeedbackService::Service {
 public:
  FeedbackServiceImpl(FeedbackWorkflow* workflow, const RpcRunner* runner)
      : workflow_(workflow), runner_(runner) {}

  grpc::Status SendFeedback(grpc::ServerContext* context,
                            const wor::v1::SendFeedbackRequest* request,
                            wor::v1::SendFeedbackResponse* response) override;
  grpc::Status ListFeedback(grpc::ServerContext* context,
                            const wor::v1::ListFeedbackRequest* request,
                            wor::v1::ListFeedbackResponse* response) override;
  grpc::Status AcknowledgeFeedback(
      grpc::ServerContext* context,
      const wor::v1::AcknowledgeFeedbackRequest* request,
      wor::v1::AcknowledgeFeedbackResponse* response) override;

 private:
  FeedbackWorkflow* workflow_;
  const RpcRunner* runner_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_FEEDBACK_SERVICE_H_
