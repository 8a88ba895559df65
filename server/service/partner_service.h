// wor.v1.PartnerService over the partner-reporting domain. Thread-safe.
#ifndef WOR_SERVER_SERVICE_PARTNER_SERVICE_H_
#define WOR_SERVER_SERVICE_PARTNER_SERVICE_H_

#include <atomic>

#include "server/domain/partner_reporting.h"
#include "server/service/rpc_runner.h"
#include "server/service/stream_limiter.h"
#include "wor/v1/partner_service.grpc.pb.h"

namespace wor::server {

class PartnerServiceImpl final : public wor::v1::PartnerService::Service {
 public:
  PartnerServiceImpl(const PartnerReporting* reporting, const RpcRunner* runner,
                     StreamLimiter* streams, const std::atomic<bool>* stopping)
      : reporting_(reporting),
        runner_(runner),
        streams_(streams),
        stopping_(stopping) {}

  grpc::Status GetReferralStatistics(
      grpc::ServerContext* context,
      const wor::v1::GetReferralStatisticsRequest* request,
      wor::v1::GetReferralStatisticsResponse* response) override;
  grpc::Status ExportPseudonymisedRecords(
      grpc::ServerContext* context,
      const wor::v1::ExportPseudonymisedRecordsRequest* request,
      grpc::ServerWriter<wor::v1::ExportPseudonymisedRecordsResponse>* writer)
      override;
  grpc::Status GetBudgetReport(
      grpc::ServerContext* context,
      const wor::v1::GetBudgetReportRequest* request,
      wor::v1::GetBudgetReportResponse* response) override;

 private:
  const PartnerReporting* reporting_;
  const RpcRunner* runner_;
  StreamLimiter* streams_;
  const std::atomic<bool>* stopping_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_PARTNER_SERVICE_H_
