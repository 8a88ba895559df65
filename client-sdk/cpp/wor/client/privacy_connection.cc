#include "wor/client/privacy_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::PrivacyService::StubInterface;

class PrivacyConnectionImpl final : public PrivacyConnection {
 public:
  PrivacyConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                        std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::ErasePatientDataResponse> ErasePatientData(
      const wor::v1::ErasePatientDataRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::ErasePatientData,
                            request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<PrivacyConnection> MakePrivacyConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::PrivacyService::NewStub(*context->channel());
  }
  return std::make_shared<PrivacyConnectionImpl>(std::move(context),
                                                 std::move(stub));
}

std::shared_ptr<PrivacyConnection> MakePrivacyConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<PrivacyConnectionImpl>(std::move(context),
                                                 std::move(stub));
}

}  // namespace wor::client
