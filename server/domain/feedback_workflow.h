// Feedback from the coach to the referrer: sent at the moments the process
// requires (after the intake, at closing, and in between as agreed), listed
// for the referrer, and acknowledged once it is in the patient's record.
// Each send and acknowledgement writes an outbox event in its transaction;
// the event names the feedback but carries no summary text.
//
// Thread-safe. Does not own its dependencies.
#ifndef WOR_SERVER_DOMAIN_FEEDBACK_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_FEEDBACK_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"
#include "wor/v1/feedback.pb.h"

namespace wor::server {

class FeedbackWorkflow {
 public:
  // `region` gives the deadline policy for the feedback clocks.
  FeedbackWorkflow(Store* store, const Clock* clock,
                   const RegionDirectory* region)
      : store_(store), clock_(clock), region_(region), audit_(store, clock) {}

  absl::StatusOr<wor::v1::Feedback> Send(
      const CallContext& call, const wor::v1::SendFeedbackRequest& request);
  absl::StatusOr<wor::v1::ListFeedbackResponse> List(
      const CallContext& call, const wor::v1::ListFeedbackRequest& request);
  absl::StatusOr<wor::v1::Feedback> Acknowledge(
      const CallContext& call,
      const wor::v1::AcknowledgeFeedbackRequest& request);

 private:
  // Meets the feedback clock `kind` answers (if running) and stores the
  // referral; sets the etag the event and result carry.
  absl::Status MeetFeedbackClock(WriteTransaction& tx,
                                 const std::string& referral_id,
                                 wor::v1::FeedbackKind kind, absl::Time now,
                                 StoredReferral& stored) const;

  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_FEEDBACK_WORKFLOW_H_
