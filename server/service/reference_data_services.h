// The read-only services that carry no patient data: the referral form, the
// region's activity catalogue, and the diagnostics ping. Thread-safe.
#ifndef WOR_SERVER_SERVICE_REFERENCE_DATA_SERVICES_H_
#define WOR_SERVER_SERVICE_REFERENCE_DATA_SERVICES_H_

#include "server/domain/region_directory.h"
#include "server/service/rpc_runner.h"
#include "wor/v1/catalogue.grpc.pb.h"
#include "wor/v1/diagnostics.grpc.pb.h"
#include "wor/v1/referral_form.grpc.pb.h"

namespace wor::server {

class ReferralFormServiceImpl final
    : public wor::v1::ReferralFormService::Service {
 public:
  explicit ReferralFormServiceImpl(const RpcRunner* runner) : runner_(runner) {}
  grpc::Status GetReferralForm(
      grpc::ServerContext* context,
      const wor::v1::GetReferralFormRequest* request,
      wor::v1::GetReferralFormResponse* response) override;

 private:
  const RpcRunner* runner_;
};

class CatalogueServiceImpl final : public wor::v1::CatalogueService::Service {
 public:
  CatalogueServiceImpl(const RegionDirectory* region, const RpcRunner* runner)
      : region_(region), runner_(runner) {}
  grpc::Status GetActivityCatalogue(
      grpc::ServerContext* context,
      const wor::v1::GetActivityCatalogueRequest* request,
      wor::v1::GetActivityCatalogueResponse* response) override;
  grpc::Status ExportCatalogueAsHsds(
      grpc::ServerContext* context,
      const wor::v1::ExportCatalogueAsHsdsRequest* request,
      wor::v1::ExportCatalogueAsHsdsResponse* response) override;

 private:
  const RegionDirectory* region_;
  const RpcRunner* runner_;
};

// Ping does no logging and almost no work: it is the baseline of the
// benchmarks. Ping identifies and authorises its caller like every other
// call, so it measures the fixed cost every RPC pays, and answers with the
// caller's own identity (`wor login` shows it; `wor referrals` finds the
// calling coach's worklist with it).
class DiagnosticsServiceImpl final
    : public wor::v1::DiagnosticsService::Service {
 public:
  explicit DiagnosticsServiceImpl(const RpcRunner* runner) : runner_(runner) {}

  grpc::Status Ping(grpc::ServerContext* context,
                    const wor::v1::PingRequest* request,
                    wor::v1::PingResponse* response) override;

 private:
  const RpcRunner* runner_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_REFERENCE_DATA_SERVICES_H_
