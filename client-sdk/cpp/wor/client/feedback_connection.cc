#include "wor/client/feedback_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/paged_range.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::FeedbackService::StubInterface;

class FeedbackConnectionImpl final : public FeedbackConnection {
 public:
  FeedbackConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                         std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::SendFeedbackResponse> SendFeedback(
      const wor::v1::SendFeedbackRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::SendFeedback,
                            request);
  }

  StreamRange<wor::v1::Feedback> ListFeedback(
      wor::v1::ListFeedbackRequest request) override {
    return internal::MakePagedRange<wor::v1::Feedback>(
        std::move(request),
        [context = context_,
         stub = stub_](const wor::v1::ListFeedbackRequest& page) {
          return internal::Read(*context, stub.get(), &Stub::ListFeedback,
                                page);
        },
        [](auto& response) { return response.mutable_feedback(); });
  }

  absl::StatusOr<wor::v1::AcknowledgeFeedbackResponse> AcknowledgeFeedback(
      const wor::v1::AcknowledgeFeedbackRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::AcknowledgeFeedback,
                            request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<FeedbackConnection> MakeFeedbackConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::FeedbackService::NewStub(*context->channel());
  }
  return std::make_shared<FeedbackConnectionImpl>(std::move(context),
                                                  std::move(stub));
}

std::shared_ptr<FeedbackConnection> MakeFeedbackConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<FeedbackConnectionImpl>(std::move(context),
                                                  std::move(stub));
}

}  // namespace wor::client
