#include "wor/client/scheduling_connection.h"

#include <utility>

#include "wor/client/internal/call_context.h"
#include "wor/client/internal/unary_call.h"

namespace wor::client {
namespace {

using Stub = wor::v1::SchedulingService::StubInterface;

class SchedulingConnectionImpl final : public SchedulingConnection {
 public:
  SchedulingConnectionImpl(std::shared_ptr<const internal::CallContext> context,
                           std::shared_ptr<Stub> stub)
      : context_(std::move(context)), stub_(std::move(stub)) {}

  absl::StatusOr<wor::v1::GetCoachAvailabilityResponse> GetCoachAvailability(
      const wor::v1::GetCoachAvailabilityRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::GetCoachAvailability,
                          request);
  }

  absl::StatusOr<wor::v1::UpdateCoachAvailabilityResponse>
  UpdateCoachAvailability(
      const wor::v1::UpdateCoachAvailabilityRequest& request) override {
    const internal::Idempotency idempotency =
        request.availability().etag().empty()
            ? internal::Idempotency::kNonIdempotent
            : internal::Idempotency::kIdempotent;
    return internal::Call(*context_, stub_.get(),
                          &Stub::UpdateCoachAvailability, request, idempotency);
  }

  absl::StatusOr<wor::v1::ExportCoachCalendarResponse> ExportCoachCalendar(
      const wor::v1::ExportCoachCalendarRequest& request) override {
    return internal::Read(*context_, stub_.get(), &Stub::ExportCoachCalendar,
                          request);
  }

 private:
  std::shared_ptr<const internal::CallContext> context_;
  std::shared_ptr<Stub> stub_;
};

}  // namespace

std::shared_ptr<SchedulingConnection> MakeSchedulingConnection(
    Options options) {
  auto context =
      std::make_shared<const internal::CallContext>(std::move(options));
  std::shared_ptr<Stub> stub;
  if (context->channel().ok()) {
    stub = wor::v1::SchedulingService::NewStub(*context->channel());
  }
  return std::make_shared<SchedulingConnectionImpl>(std::move(context),
                                                    std::move(stub));
}

std::shared_ptr<SchedulingConnection> MakeSchedulingConnection(
    std::shared_ptr<Stub> stub, Options options) {
  auto context = std::make_shared<const internal::CallContext>(
      std::move(options), /*channel=*/nullptr);
  return std::make_shared<SchedulingConnectionImpl>(std::move(context),
                                                    std::move(stub));
}

}  // namespace wor::client
