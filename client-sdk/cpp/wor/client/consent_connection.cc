#include "wor/client/consent_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::ConsentService::StubInterface;

class ConsentConnectionImpl final : public ConsentConnection {
 public:
  ConsentConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                        std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::RecordConsentResponse> RecordConsent(
      const wor::v1::RecordConsentRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::RecordConsent,
                            request);
  }

  absl::StatusOr<wor::v1::GetConsentResponse> GetConsent(
      const wor::v1::GetConsentRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetConsent, request);
  }

  absl::StatusOr<wor::v1::RevokeConsentResponse> RevokeConsent(
      const wor::v1::RevokeConsentRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::RevokeConsent,
                            request);
  }

  absl::StatusOr<wor::v1::GetConsentReceiptResponse> GetConsentReceipt(
      const wor::v1::GetConsentReceiptRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetConsentReceipt,
                          request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<ConsentConnection> MakeConsentConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::ConsentService::NewStub(*context->channel());
  }
  return std::make_shared<ConsentConnectionImpl>(std::move(context),
                                                 std::move(stub));
}

std::shared_ptr<ConsentConnection> MakeConsentConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<ConsentConnectionImpl>(std::move(context),
                                                 std::move(stub));
}

}  // namespace wor::client
