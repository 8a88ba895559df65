#include "wor/client/referral_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/paged_range.h"
#include "wor/client/internal/resuming_event_stream.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::ReferralService::StubInterface;

class ReferralConnectionImpl final : public ReferralConnection {
 public:
  ReferralConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                         std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::CreateReferralResponse> CreateReferral(
      const wor::v1::CreateReferralRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::CreateReferral,
                            request);
  }

  absl::StatusOr<wor::v1::GetReferralResponse> GetReferral(
      const wor::v1::GetReferralRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetReferral, request);
  }

  StreamRange<wor::v1::Referral> ListReferrals(
      wor::v1::ListReferralsRequest request) override {
    return internal::MakePagedRange<wor::v1::Referral>(
        std::move(request),
        [context = context_,
         stub = stub_](const wor::v1::ListReferralsRequest& page) {
          return internal::Read(*context, stub.get(), &Stub::ListReferrals,
                                page);
        },
        [](auto& response) { return response.mutable_referrals(); });
  }

  absl::StatusOr<wor::v1::AcceptReferralResponse> AcceptReferral(
      const wor::v1::AcceptReferralRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::AcceptReferral,
                            request);
  }

  absl::StatusOr<wor::v1::RejectReferralResponse> RejectReferral(
      const wor::v1::RejectReferralRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::RejectReferral,
                            request);
  }

  absl::StatusOr<wor::v1::CancelReferralResponse> CancelReferral(
      const wor::v1::CancelReferralRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::CancelReferral,
                            request);
  }

  absl::StatusOr<wor::v1::PutReferralOnHoldResponse> PutReferralOnHold(
      const wor::v1::PutReferralOnHoldRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::PutReferralOnHold,
                            request);
  }

  absl::StatusOr<wor::v1::ResumeReferralResponse> ResumeReferral(
      const wor::v1::ResumeReferralRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::ResumeReferral,
                            request);
  }

  std::unique_ptr<ReferralEventStream> WatchReferrals(
      const wor::v1::WatchReferralsRequest& request) override {
    return std::make_unique<internal::ResumingEventStream>(context_, stub_,
                                                           request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<ReferralConnection> MakeReferralConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::ReferralService::NewStub(*context->channel());
  }
  return std::make_shared<ReferralConnectionImpl>(std::move(context),
                                                  std::move(stub));
}

std::shared_ptr<ReferralConnection> MakeReferralConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<ReferralConnectionImpl>(std::move(context),
                                                  std::move(stub));
}

}  // namespace wor::client
