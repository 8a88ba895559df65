#include "wor/client/internal/resuming_event_stream.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "wor/client/status.h"

namespace wor::client::internal {
namespace {

absl::Status CancelledByCaller() {
  return absl::CancelledError("the watch was cancelled by the caller");
}

}  // namespace

ResumingEventStream::ResumingEventStream(
    std::shared_ptr<const CallContext> context,
    std::shared_ptr<wor::v1::ReferralService::StubInterface> stub,
    wor::v1::WatchReferralsRequest request)
    : context_(std::move(context)),
      stub_(std::move(stub)),
      backoff_(context_->options().retry),
      request_(std::move(request)) {}

ResumingEventStream::~ResumingEventStream() {
  Cancel();
  if (reader_) Close().IgnoreError();
}

absl::Status ResumingEventStream::Open() {
  if (!context_->channel().ok()) return context_->channel().status();
  auto call = std::make_unique<grpc::ClientContext>();
  if (absl::Status prepared =
          context_->Prepare(*call, /*unary=*/false,
                            /*wait_for_ready=*/server_seen_);
      !prepared.ok()) {
    return prepared;
  }
  grpc::ClientContext* opened = call.get();
  wor::v1::WatchReferralsRequest request;
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return CancelledByCaller();
    call_ = std::move(call);
    request = request_;
  }
  // Not under the lock: starting the call blocks until the server is
  // reachable (wait_for_ready), and Cancel() must be able to end that.
  opened_at_ = absl::Now();
  reader_ = stub_->WatchReferrals(opened, request);
  return absl::OkStatus();
}

absl::Status ResumingEventStream::Close() {
  absl::Status status = FromGrpcStatus(reader_->Finish());
  reader_.reset();
  absl::MutexLock lock(&mu_);
  call_.reset();
  return status;
}

bool ResumingEventStream::Wait(absl::Duration delay) {
  absl::MutexLock lock(&mu_);
  auto cancelled = [this]()
                       ABSL_SHARED_LOCKS_REQUIRED(mu_) { return cancelled_; };
  mu_.AwaitWithTimeout(absl::Condition(&cancelled), delay);
  return !cancelled_;
}

absl::StatusOr<wor::v1::ReferralEvent> ResumingEventStream::Next() {
  if (final_status_) return *final_status_;
  const int max_attempts = context_->options().retry.max_attempts;
  for (;;) {
    if (!reader_) {
      if (absl::Status opened = Open(); !opened.ok()) {
        final_status_ = opened;
        return opened;
      }
    }
    wor::v1::WatchReferralsResponse response;
    if (reader_->Read(&response)) {
      failures_in_a_row_ = 0;
      server_seen_ = true;
      backoff_.Reset();
      absl::MutexLock lock(&mu_);
      request_.set_resume_token(response.event().resume_token());
      return std::move(*response.mutable_event());
    }
    // The server ends a stream only when it shuts down (UNAVAILABLE); an OK
    // end is treated alike: reconnect from the last event.
    absl::Status ended = Close();
    {
      absl::MutexLock lock(&mu_);
      if (cancelled_) ended = CancelledByCaller();
    }
    const bool resumable = ended.ok() || IsTransient(ended);
    // A quiet stream that was up a while was healthy: its end is a new
    // outage, not one more failed attempt.
    const absl::Duration healthy =
        std::max(context_->options().retry.max_backoff, absl::Seconds(1));
    if (absl::Now() - opened_at_ >= healthy) {
      failures_in_a_row_ = 0;
      server_seen_ = true;
      backoff_.Reset();
    }
    if (!resumable) {
      final_status_ = ended;
      return ended;
    }
    if (++failures_in_a_row_ >= max_attempts) {
      final_status_ = absl::UnavailableError(absl::StrCat(
          "the watch could not reconnect after ", failures_in_a_row_,
          " attempts; start again with the last resume_token: ",
          ended.message()));
      return *final_status_;
    }
    if (!Wait(backoff_.Next())) {
      final_status_ = CancelledByCaller();
      return *final_status_;
    }
  }
}

void ResumingEventStream::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (call_) call_->TryCancel();
}

std::string ResumingEventStream::resume_token() const {
  absl::MutexLock lock(&mu_);
  return request_.resume_token();
}

}  // namespace wor::client::internal
