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
#include "server/store/store.h"
#include "wor/v1/feedback.pb.h"

namespace wor::server {

class FeedbackWorkflow {
 public:
  FeedbackWorkflow(Store* store, const Clock* clock)
      : store_(store), clock_(clock), audit_(store, clock) {}

  absl::StatusOr<wor::v1::Feedback> Send(
      const CallContext& call, const wor::v1::SendFeedbackRequest& request);
  absl::StatusOr<wor::v1::ListFeedbackResponse> List(
      const CallContext& call, const wor::v1::ListFeedbackRequest& request);
  absl::StatusOr<wor::v1::Feedback> Acknowledge(
      const CallContext& call,
      const wor::v1::AcknowledgeFeedbackRequest& request);

 private:
  Store* store_;
  const Clock* clock_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_FEEDBACK_WORKFLOW_H_
