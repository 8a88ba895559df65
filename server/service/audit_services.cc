#include "server/service/audit_services.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status AuditServiceImpl::ListAuditRecords(
    grpc::ServerContext* context,
    const wor::v1::ListAuditRecordsRequest* request,
    wor::v1::ListAuditRecordsResponse* response) {
  return runner_->Run(context, "wor.v1.AuditService.ListAuditRecords",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->List(call, *request),
                            [&](wor::v1::ListAuditRecordsResponse r) {
                              *response = std::move(r);
                            });
                      });
}

grpc::Status AuditServiceImpl::VerifyAuditChain(
    grpc::ServerContext* context, const wor::v1::VerifyAuditChainRequest*,
    wor::v1::VerifyAuditChainResponse* response) {
  return runner_->Run(context, "wor.v1.AuditService.VerifyAuditChain",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->Verify(call),
                            [&](wor::v1::VerifyAuditChainResponse r) {
                              *response = std::move(r);
                            });
                      });
}

grpc::Status AuditServiceImpl::GetPatientAccessReport(
    grpc::ServerContext* context,
    const wor::v1::GetPatientAccessReportRequest* request,
    wor::v1::GetPatientAccessReportResponse* response) {
  return runner_->Run(context, "wor.v1.AuditService.GetPatientAccessReport",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->AccessReport(call, *request),
                            [&](wor::v1::GetPatientAccessReportResponse r) {
                              *response = std::move(r);
                            });
                      });
}

grpc::Status PrivacyServiceImpl::ErasePatientData(
    grpc::ServerContext* context,
    const wor::v1::ErasePatientDataRequest* request,
    wor::v1::ErasePatientDataResponse* response) {
  return runner_->Run(context, "wor.v1.PrivacyService.ErasePatientData",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->Erase(call, *request),
                            [&](wor::v1::ErasePatientDataResponse r) {
                              *response = std::move(r);
                            });
                      });
}

}  // namespace wor::server
