#include "wor/client/intake_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::IntakeService::StubInterface;

class IntakeConnectionImpl final : public IntakeConnection {
 public:
  IntakeConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                       std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::RecordContactAttemptResponse> RecordContactAttempt(
      const wor::v1::RecordContactAttemptRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::RecordContactAttempt,
                            request);
  }

  absl::StatusOr<wor::v1::FindIntakeSlotsResponse> FindIntakeSlots(
      const wor::v1::FindIntakeSlotsRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::FindIntakeSlots,
                          request);
  }

  absl::StatusOr<wor::v1::ScheduleIntakeResponse> ScheduleIntake(
      const wor::v1::ScheduleIntakeRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::ScheduleIntake,
                            request);
  }

  absl::StatusOr<wor::v1::CancelIntakeResponse> CancelIntake(
      const wor::v1::CancelIntakeRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::CancelIntake,
                            request);
  }

  absl::StatusOr<wor::v1::RecordIntakeNoShowResponse> RecordIntakeNoShow(
      const wor::v1::RecordIntakeNoShowRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::RecordIntakeNoShow,
                            request);
  }

  absl::StatusOr<wor::v1::RecordIntakeResponse> RecordIntake(
      const wor::v1::RecordIntakeRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::RecordIntake,
                            request);
  }

  absl::StatusOr<wor::v1::ChooseActivityResponse> ChooseActivity(
      const wor::v1::ChooseActivityRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::ChooseActivity,
                            request);
  }

  absl::StatusOr<wor::v1::CompleteReferralResponse> CompleteReferral(
      const wor::v1::CompleteReferralRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::CompleteReferral,
                            request);
  }

  absl::StatusOr<wor::v1::LogCoachTimeResponse> LogCoachTime(
      const wor::v1::LogCoachTimeRequest& request) override {
    return internal::Mutate(*context_, stub_.get(), &Stub::LogCoachTime,
                            request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<IntakeConnection> MakeIntakeConnection(Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::IntakeService::NewStub(*context->channel());
  }
  return std::make_shared<IntakeConnectionImpl>(std::move(context),
                                                std::move(stub));
}

std::shared_ptr<IntakeConnection> MakeIntakeConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<IntakeConnectionImpl>(std::move(context),
                                                std::move(stub));
}

}  // namespace wor::client
