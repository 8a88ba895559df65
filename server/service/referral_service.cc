#include "server/service/referral_service.h"

#include "server/common/status_macros.h"
#include "server/service/service_call.h"

namespace wor::server {
namespace {

constexpr int kEventsPerPoll = 100;
// How often an idle stream checks for cancellation and shutdown.
constexpr absl::Duration kIdleCheck = absl::Milliseconds(200);

}  // namespace

grpc::Status ReferralServiceImpl::CreateReferral(
    grpc::ServerContext* context, const wor::v1::CreateReferralRequest* request,
    wor::v1::CreateReferralResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.CreateReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Create(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::GetReferral(
    grpc::ServerContext* context, const wor::v1::GetReferralRequest* request,
    wor::v1::GetReferralResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.GetReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Get(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::ListReferrals(
    grpc::ServerContext* context, const wor::v1::ListReferralsRequest* request,
    wor::v1::ListReferralsResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.ListReferrals",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->List(call, *request),
                                       [&](wor::v1::ListReferralsResponse r) {
                                         *response = std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::AcceptReferral(
    grpc::ServerContext* context, const wor::v1::AcceptReferralRequest* request,
    wor::v1::AcceptReferralResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.AcceptReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Accept(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::RejectReferral(
    grpc::ServerContext* context, const wor::v1::RejectReferralRequest* request,
    wor::v1::RejectReferralResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.RejectReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Reject(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::CancelReferral(
    grpc::ServerContext* context, const wor::v1::CancelReferralRequest* request,
    wor::v1::CancelReferralResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.CancelReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Cancel(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::PutReferralOnHold(
    grpc::ServerContext* context,
    const wor::v1::PutReferralOnHoldRequest* request,
    wor::v1::PutReferralOnHoldResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.PutReferralOnHold",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->PutOnHold(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::ResumeReferral(
    grpc::ServerContext* context, const wor::v1::ResumeReferralRequest* request,
    wor::v1::ResumeReferralResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralService.ResumeReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Resume(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status ReferralServiceImpl::WatchReferrals(
    grpc::ServerContext* context, const wor::v1::WatchReferralsRequest* request,
    grpc::ServerWriter<wor::v1::WatchReferralsResponse>* writer) {
  return runner_->Run(
      context, "wor.v1.ReferralService.WatchReferrals",
      [&](const CallContext& call) -> absl::Status {
        WOR_ASSIGN_OR_RETURN(StreamLimiter::Slot slot,
                             streams_->Acquire(call.caller.organisation));
        absl::StatusOr<EventCursor> cursor = feed_->Start(call, *request);
        if (!cursor.ok()) return cursor.status();
        while (!context->IsCancelled()) {
          if (stopping_->load()) {
            return absl::UnavailableError(
                "the server is shutting down; reconnect with the last "
                "resume_token you received");
          }
          absl::StatusOr<std::vector<wor::v1::ReferralEvent>> events =
              feed_->Poll(call, *cursor, kEventsPerPoll);
          if (!events.ok()) return events.status();
          for (wor::v1::ReferralEvent& event : *events) {
            wor::v1::WatchReferralsResponse message;
            *message.mutable_event() = std::move(event);
            if (!writer->Write(message))
              return absl::OkStatus();  // client gone
          }
          if (events->empty()) feed_->WaitForMore(*cursor, kIdleCheck);
        }
        return absl::CancelledError("the client cancelled the stream");
      });
}

}  // namespace wor::server
