// The ReferralEventStream of a real connection: one WatchReferrals call at a
// time, reopened from the last resume_token after a transient failure.
#ifndef WOR_CLIENT_INTERNAL_RESUMING_EVENT_STREAM_H_
#define WOR_CLIENT_INTERNAL_RESUMING_EVENT_STREAM_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/sync_stream.h"
#include "wor/client/internal/backoff.h"
#include "wor/client/internal/call_context.h"
#include "wor/client/referral_event_stream.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::client::internal {

class ResumingEventStream final : public ReferralEventStream {
 public:
  ResumingEventStream(
      std::shared_ptr<const CallContext> context,
      std::shared_ptr<wor::v1::ReferralService::StubInterface> stub,
      wor::v1::WatchReferralsRequest request);
  ~ResumingEventStream() override;

  absl::StatusOr<wor::v1::ReferralEvent> Next() override;
  void Cancel() override;
  std::string resume_token() const override;

 private:
  // Opens a call from the current resume token; CANCELLED when cancelled.
  // Once the server is known to exist (an event arrived, or a call stayed
  // open at least a second, or the longest backoff if longer), a reconnect
  // waits for it to come back (wait_for_ready) rather than failing while the
  // channel backs off.
  absl::Status Open();
  // Ends the current call; its final status.
  absl::Status Close();
  // Waits before reconnecting; false when cancelled meanwhile.
  bool Wait(absl::Duration delay);

  const std::shared_ptr<const CallContext> context_;
  const std::shared_ptr<wor::v1::ReferralService::StubInterface> stub_;
  Backoff backoff_;
  int failures_in_a_row_ = 0;
  bool server_seen_ = false;
  absl::Time opened_at_;
  std::optional<absl::Status> final_status_;
  std::unique_ptr<grpc::ClientReaderInterface<wor::v1::WatchReferralsResponse>>
      reader_;

  mutable absl::Mutex mu_;
  wor::v1::WatchReferralsRequest request_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<grpc::ClientContext> call_ ABSL_GUARDED_BY(mu_);
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace wor::client::internal

#endif  // WOR_CLIENT_INTERNAL_RESUMING_EVENT_STREAM_H_
