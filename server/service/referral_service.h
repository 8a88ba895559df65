// wor.v1.ReferralService over the referral workflow and the event feed.
// Thread-safe; does not own its dependencies.
#ifndef WOR_SERVER_SERVICE_REFERRAL_SERVICE_H_
#define WOR_SERVER_SERVICE_REFERRAL_SERVICE_H_

#include <atomic>

#include "server/domain/event_feed.h"
#include "server/domain/referral_workflow.h"
#include "server/service/rpc_runner.h"
#include "server/service/stream_limiter.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::server {

class ReferralServiceImpl final : public wor::v1::ReferralService::Service {
 public:
  // `stopping` turns true when the server drains; open streams then end.
  ReferralServiceImpl(ReferralWorkflow* workflow, const EventFeed* feed,
                      const RpcRunner* runner, StreamLimiter* streams,
                      const std::atomic<bool>* stopping)
      : workflow_(workflow),
        feed_(feed),
        runner_(runner),
        streams_(streams),
        stopping_(stopping) {}

  grpc::Status CreateReferral(
      grpc::ServerContext* context,
      const wor::v1::CreateReferralRequest* request,
      wor::v1::CreateReferralResponse* response) override;
  grpc::Status GetReferral(grpc::ServerContext* context,
                           const wor::v1::GetReferralRequest* request,
                           wor::v1::GetReferralResponse* response) override;
  grpc::Status ListReferrals(grpc::ServerContext* context,
                             const wor::v1::ListReferralsRequest* request,
                             wor::v1::ListReferralsResponse* response) override;
  grpc::Status AcceptReferral(
      grpc::ServerContext* context,
      const wor::v1::AcceptReferralRequest* request,
      wor::v1::AcceptReferralResponse* response) override;
  grpc::Status RejectReferral(
      grpc::ServerContext* context,
      const wor::v1::RejectReferralRequest* request,
      wor::v1::RejectReferralResponse* response) override;
  grpc::Status CancelReferral(
      grpc::ServerContext* context,
      const wor::v1::CancelReferralRequest* request,
      wor::v1::CancelReferralResponse* response) override;
  grpc::Status PutReferralOnHold(
      grpc::ServerContext* context,
      const wor::v1::PutReferralOnHoldRequest* request,
      wor::v1::PutReferralOnHoldResponse* response) override;
  grpc::Status ResumeReferral(
      grpc::ServerContext* context,
      const wor::v1::ResumeReferralRequest* request,
      wor::v1::ResumeReferralResponse* response) override;
  grpc::Status WatchReferrals(
      grpc::ServerContext* context,
      const wor::v1::WatchReferralsRequest* request,
      grpc::ServerWriter<wor::v1::WatchReferralsResponse>* writer) override;

 private:
  ReferralWorkflow* workflow_;
  const EventFeed* feed_;
  const RpcRunner* runner_;
  StreamLimiter* streams_;
  const std::atomic<bool>* stopping_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_REFERRAL_SERVICE_H_
