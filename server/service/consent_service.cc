#include "server/service/consent_service.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status ConsentServiceImpl::RecordConsent(
    grpc::ServerContext* context, const wor::v1::RecordConsentRequest* request,
    wor::v1::RecordConsentResponse* response) {
  return runner_->Run(context, "wor.v1.ConsentService.RecordConsent",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Record(call, *request),
                                       [&](wor::v1::ConsentRecord c) {
                                         *response->mutable_consent() =
                                             std::move(c);
                                       });
                      });
}

grpc::Status ConsentServiceImpl::GetConsent(
    grpc::ServerContext* context, const wor::v1::GetConsentRequest* request,
    wor::v1::GetConsentResponse* response) {
  return runner_->Run(context, "wor.v1.ConsentService.GetConsent",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Get(call, *request),
                                       [&](wor::v1::ConsentRecord c) {
                                         *response->mutable_consent() =
                                             std::move(c);
                                       });
                      });
}

grpc::Status ConsentServiceImpl::RevokeConsent(
    grpc::ServerContext* context, const wor::v1::RevokeConsentRequest* request,
    wor::v1::RevokeConsentResponse* response) {
  return runner_->Run(context, "wor.v1.ConsentService.RevokeConsent",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Revoke(call, *request),
                                       [&](wor::v1::ConsentRecord c) {
                                         *response->mutable_consent() =
                                             std::move(c);
                                       });
                      });
}

grpc::Status ConsentServiceImpl::GetConsentReceipt(
    grpc::ServerContext* context,
    const wor::v1::GetConsentReceiptRequest* request,
    wor::v1::GetConsentReceiptResponse* response) {
  return runner_->Run(context, "wor.v1.ConsentService.GetConsentReceipt",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->Receipt(call, *request),
                            [&](wor::v1::GetConsentReceiptResponse r) {
                              *response = std::move(r);
                            });
                      });
}

}  // namespace wor::server
