#include "wor/client/audit_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/paged_range.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::AuditService::StubInterface;

class AuditConnectionImpl final : public AuditConnection {
 public:
  AuditConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                      std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  StreamRange<wor::v1::AuditRecord> ListAuditRecords(
      wor::v1::ListAuditRecordsRequest request) override {
    return internal::MakePagedRange<wor::v1::AuditRecord>(
        std::move(request),
        [context = context_,
         stub = stub_](const wor::v1::ListAuditRecordsRequest& page) {
          return internal::Read(*context, stub.get(), &Stub::ListAuditRecords,
                                page);
        },
        [](auto& response) { return response.mutable_records(); });
  }

  absl::StatusOr<wor::v1::VerifyAuditChainResponse> VerifyAuditChain(
      const wor::v1::VerifyAuditChainRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::VerifyAuditChain,
                          request);
  }

  absl::StatusOr<wor::v1::GetPatientAccessReportResponse>
  GetPatientAccessReport(
      const wor::v1::GetPatientAccessReportRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetPatientAccessReport,
                          request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<AuditConnection> MakeAuditConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::AuditService::NewStub(*context->channel());
  }
  return std::make_shared<AuditConnectionImpl>(std::move(context),
                                               std::move(stub));
}

std::shared_ptr<AuditConnection> MakeAuditConnection(std::shared_ptr<Stub> stub,
                                                     Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<AuditConnectionImpl>(std::move(context),
                                               std::move(stub));
}

}  // namespace wor::client
