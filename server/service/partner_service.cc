#include "server/service/partner_service.h"

#include <utility>
#include <vector>

#include "server/common/status_macros.h"
#include "server/service/service_call.h"

namespace wor::server {
namespace {

constexpr int kMessagesPerPoll = 200;
constexpr absl::Duration kIdleCheck = absl::Milliseconds(200);

}  // namespace

grpc::Status PartnerServiceImpl::GetReferralStatistics(
    grpc::ServerContext* context,
    const wor::v1::GetReferralStatisticsRequest* request,
    wor::v1::GetReferralStatisticsResponse* response) {
  return runner_->Run(context, "wor.v1.PartnerService.GetReferralStatistics",
                      [&](const CallContext& call) {
                        return Deliver(
                            reporting_->Statistics(call, *request),
                            [&](wor::v1::GetReferralStatisticsResponse r) {
                              *response = std::move(r);
                            });
                      });
}

grpc::Status PartnerServiceImpl::GetBudgetReport(
    grpc::ServerContext* context,
    const wor::v1::GetBudgetReportRequest* request,
    wor::v1::GetBudgetReportResponse* response) {
  return runner_->Run(context, "wor.v1.PartnerService.GetBudgetReport",
                      [&](const CallContext& call) {
                        return Deliver(reporting_->Budget(call, *request),
                                       [&](wor::v1::GetBudgetReportResponse r) {
                                         *response = std::move(r);
                                       });
                      });
}

grpc::Status PartnerServiceImpl::ExportPseudonymisedRecords(
    grpc::ServerContext* context,
    const wor::v1::ExportPseudonymisedRecordsRequest* request,
    grpc::ServerWriter<wor::v1::ExportPseudonymisedRecordsResponse>* writer) {
  return runner_->Run(
      context, "wor.v1.PartnerService.ExportPseudonymisedRecords",
      [&](const CallContext& call) -> absl::Status {
        WOR_ASSIGN_OR_RETURN(StreamLimiter::Slot slot,
                             streams_->Acquire(call.caller.organisation));
        WOR_ASSIGN_OR_RETURN(ExportCursor cursor,
                             reporting_->StartExport(call, *request));
        while (!context->IsCancelled()) {
          if (stopping_->load()) {
            return absl::UnavailableError(
                "the server is shutting down; reconnect with the last "
                "resume_token you received");
          }
          WOR_ASSIGN_OR_RETURN(
              std::vector<wor::v1::ExportPseudonymisedRecordsResponse> batch,
              reporting_->PollExport(call, cursor, kMessagesPerPoll));
          for (const auto& message : batch) {
            if (!writer->Write(message)) return absl::OkStatus();
          }
          if (batch.empty() && !cursor.InSnapshot()) {
            if (!request->follow()) return absl::OkStatus();  // caught up
            reporting_->WaitForMore(cursor, kIdleCheck);
          }
        }
        return absl::CancelledError("the client cancelled the stream");
      });
}

}  // namespace wor::server
