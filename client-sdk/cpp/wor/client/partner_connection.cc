#include "wor/client/partner_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"
#include "wor/client/status.h"

namespace wor::client {
namespace {

using Stub = wor::v1::PartnerService::StubInterface;
using ExportMessage = wor::v1::ExportPseudonymisedRecordsResponse;

class PartnerConnectionImpl final : public PartnerConnection {
 public:
  PartnerConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                        std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::GetReferralStatisticsResponse> GetReferralStatistics(
      const wor::v1::GetReferralStatisticsRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetReferralStatistics,
                          request);
  }

  absl::StatusOr<wor::v1::GetBudgetReportResponse> GetBudgetReport(
      const wor::v1::GetBudgetReportRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetBudgetReport,
                          request);
  }

  StreamRange<ExportMessage> ExportPseudonymisedRecords(
      const wor::v1::ExportPseudonymisedRecordsRequest& request) override {
    struct Stream {
      grpc::ClientContext call;
      std::unique_ptr<grpc::ClientReaderInterface<ExportMessage>> reader;
    };
    auto failed = [](absl::Status status) {
      return StreamRange<ExportMessage>(
          [status]() -> std::variant<absl::Status, ExportMessage> {
            return status;
          });
    };
    if (stub_ == nullptr) return failed(context_->channel().status());
    auto stream = std::make_shared<Stream>();
    absl::Status prepared = context_->Prepare(stream->call, /*unary=*/false);
    if (!prepared.ok()) return failed(prepared);
    stream->reader = stub_->ExportPseudonymisedRecords(&stream->call, request);
    return StreamRange<ExportMessage>(
        [stream]() -> std::variant<absl::Status, ExportMessage> {
          ExportMessage message;
          if (stream->reader->Read(&message)) return message;
          return FromGrpcStatus(stream->reader->Finish());
        });
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<PartnerConnection> MakePartnerConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::PartnerService::NewStub(*context->channel());
  }
  return std::make_shared<PartnerConnectionImpl>(std::move(context),
                                                 std::move(stub));
}

std::shared_ptr<PartnerConnection> MakePartnerConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<PartnerConnectionImpl>(std::move(context),
                                                 std::move(stub));
}

}  // namespace wor::client
