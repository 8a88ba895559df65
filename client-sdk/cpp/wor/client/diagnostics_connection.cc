#include "wor/client/diagnostics_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::DiagnosticsService::StubInterface;

class DiagnosticsConnectionImpl final : public DiagnosticsConnection {
 public:
  DiagnosticsConnectionImpl(
      std::shared_ptr<const internal::CallContext> context,
      std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::PingResponse> Ping(
      const wor::v1::PingRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::Ping, request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<DiagnosticsConnection> MakeDiagnosticsConnection(
    Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::DiagnosticsService::NewStub(*context->channel());
  }
  return std::make_shared<DiagnosticsConnectionImpl>(std::move(context),
                                                     std::move(stub));
}

std::shared_ptr<DiagnosticsConnection> MakeDiagnosticsConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<DiagnosticsConnectionImpl>(std::move(context),
                                                     std::move(stub));
}

}  // namespace wor::client
