#include "wor/client/catalogue_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::CatalogueService::StubInterface;

class CatalogueConnectionImpl final : public CatalogueConnection {
 public:
  CatalogueConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                          std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::GetActivityCatalogueResponse> GetActivityCatalogue(
      const wor::v1::GetActivityCatalogueRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetActivityCatalogue,
                          request);
  }

  absl::StatusOr<wor::v1::ExportCatalogueAsHsdsResponse> ExportCatalogueAsHsds(
      const wor::v1::ExportCatalogueAsHsdsRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::ExportCatalogueAsHsds,
                          request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<CatalogueConnection> MakeCatalogueConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::CatalogueService::NewStub(*context->channel());
  }
  return std::make_shared<CatalogueConnectionImpl>(std::move(context),
                                                   std::move(stub));
}

std::shared_ptr<CatalogueConnection> MakeCatalogueConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<CatalogueConnectionImpl>(std::move(context),
                                                   std::move(stub));
}

}  // namespace wor::client
