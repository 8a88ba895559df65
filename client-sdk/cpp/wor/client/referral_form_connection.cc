#include "wor/client/referral_form_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::ReferralFormService::StubInterface;

class ReferralFormConnectionImpl final : public ReferralFormConnection {
 public:
  ReferralFormConnectionImpl(
      std::shared_ptr<const internal::CallContext> context,
      std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::GetReferralFormResponse> GetReferralForm(
      const wor::v1::GetReferralFormRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetReferralForm,
                          request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<ReferralFormConnection> MakeReferralFormConnection(
    Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::ReferralFormService::NewStub(*context->channel());
  }
  return std::make_shared<ReferralFormConnectionImpl>(std::move(context),
                                                      std::move(stub));
}

std::shared_ptr<ReferralFormConnection> MakeReferralFormConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<ReferralFormConnectionImpl>(std::move(context),
                                                      std::move(stub));
}

}  // namespace wor::client
