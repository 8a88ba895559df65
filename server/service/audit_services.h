// wor.v1.AuditService and wor.v1.PrivacyService over the audit workflow.
// Thread-safe.
#ifndef WOR_SERVER_SERVICE_AUDIT_SERVICES_H_
#define WOR_SERVER_SERVICE_AUDIT_SERVICES_H_

#include "server/domain/audit_workflow.h"
#include "server/service/rpc_runner.h"
#include "wor/v1/audit_service.grpc.pb.h"

namespace wor::server {

class AuditServiceImpl final : public wor::v1::AuditService::Service {
 public:
  AuditServiceImpl(AuditWorkflow* workflow, const RpcRunner* runner)
      : workflow_(workflow), runner_(runner) {}

  grpc::Status ListAuditRecords(
      grpc::ServerContext* context,
      const wor::v1::ListAuditRecordsRequest* request,
      wor::v1::ListAuditRecordsResponse* response) override;
  grpc::Status VerifyAuditChain(
      grpc::ServerContext* context,
      const wor::v1::VerifyAuditChainRequest* request,
      wor::v1::VerifyAuditChainResponse* response) override;
  grpc::Status GetPatientAccessReport(
      grpc::ServerContext* context,
      const wor::v1::GetPatientAccessReportRequest* request,
      wor::v1::GetPatientAccessReportResponse* response) override;

 private:
  AuditWorkflow* workflow_;
  const RpcRunner* runner_;
};

class PrivacyServiceImpl final : public wor::v1::PrivacyService::Service {
 public:
  PrivacyServiceImpl(AuditWorkflow* workflow, const RpcRunner* runner)
      : workflow_(workflow), runner_(runner) {}

  grpc::Status ErasePatientData(
      grpc::ServerContext* context,
      const wor::v1::ErasePatientDataRequest* request,
      wor::v1::ErasePatientDataResponse* response) override;

 private:
  AuditWorkflow* workflow_;
  const RpcRunner* runner_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_AUDIT_SERVICES_H_
