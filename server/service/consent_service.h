// wor.v1.ConsentService over the consent workflow. Thread-safe.
#ifndef WOR_SERVER_SERVICE_CONSENT_SERVICE_H_
#define WOR_SERVER_SERVICE_CONSENT_SERVICE_H_

#include "server/domain/consent_workflow.h"
#include "server/service/rpc_runner.h"
#include "wor/v1/consent_service.grpc.pb.h"

namespace wor::server {

class ConsentServiceImpl final : public wor::v1::ConsentService::Service {
 public:
  ConsentServiceImpl(ConsentWorkflow* workflow, const RpcRunner* runner)
      : workflow_(workflow), runner_(runner) {}

  grpc::Status RecordConsent(grpc::ServerContext* context,
                             const wor::v1::RecordConsentRequest* request,
                             wor::v1::RecordConsentResponse* response) override;
  grpc::Status GetConsent(grpc::ServerContext* context,
                          const wor::v1::GetConsentRequest* request,
                          wor::v1::GetConsentResponse* response) override;
  grpc::Status RevokeConsent(grpc::ServerContext* context,
                             const wor::v1::RevokeConsentRequest* request,
                             wor::v1::RevokeConsentResponse* response) override;
  grpc::Status GetConsentReceipt(
      grpc::ServerContext* context,
      const wor::v1::GetConsentReceiptRequest* request,
      wor::v1::GetConsentReceiptResponse* response) override;

 private:
  ConsentWorkflow* workflow_;
  const RpcRunner* runner_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_CONSENT_SERVICE_H_
