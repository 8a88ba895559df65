// One-line RPC calls for integration tests: each returns the status and the
// resource, so a test reads as the walk-through it is.
#ifndef WOR_TESTS_INTEGRATION_RPC_HELPERS_H_
#define WOR_TESTS_INTEGRATION_RPC_HELPERS_H_

#include <string>

#include "absl/strings/str_format.h"
#include "server/domain/time_conversion.h"
#include "tests/common/test_server.h"

namespace wor::server {

template <typename T>
struct RpcResult {
  grpc::Status status;
  T value;
};

inline std::string DateText(const wor::v1::LocalDate& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

// Calls a unary stub method and unwraps the response's one resource field.
#define WOR_UNARY(stub, method, request, field)                          \
  [&] {                                                                  \
    grpc::ClientContext context;                                         \
    wor::v1::method##Response response;                                  \
    grpc::Status status = (stub).method(&context, (request), &response); \
    return RpcResult<std::decay_t<decltype(response.field())>>{          \
        status, response.field()};                                       \
  }()

inline RpcResult<wor::v1::Referral> Create(TestServer& s,
                                           const wor::v1::Referral& r,
                                           const std::string& request_id) {
  wor::v1::CreateReferralRequest q;
  *q.mutable_referral() = r;
  q.set_request_id(request_id);
  return WOR_UNARY(s.referrals(), CreateReferral, q, referral);
}

inline RpcResult<wor::v1::Referral> Get(TestServer& s,
                                        const std::string& name) {
  wor::v1::GetReferralRequest q;
  q.set_name(name);
  return WOR_UNARY(s.referrals(), GetReferral, q, referral);
}

inline RpcResult<wor::v1::ListReferralsResponse> List(
    TestServer& s, const wor::v1::ListReferralsRequest& q) {
  grpc::ClientContext context;
  wor::v1::ListReferralsResponse response;
  grpc::Status status = s.referrals().ListReferrals(&context, q, &response);
  return {status, response};
}

inline RpcResult<wor::v1::Referral> Accept(TestServer& s,
                                           const std::string& name,
                                           const std::string& request_id,
                                           const std::string& etag = "") {
  wor::v1::AcceptReferralRequest q;
  q.set_name(name);
  q.set_request_id(request_id);
  q.set_etag(etag);
  return WOR_UNARY(s.referrals(), AcceptReferral, q, referral);
}

inline RpcResult<wor::v1::Referral> Reject(TestServer& s,
                                           const std::string& name,
                                           const std::string& request_id,
                                           const std::string& etag = "") {
  wor::v1::RejectReferralRequest q;
  q.set_name(name);
  q.set_reason(wor::v1::REJECTION_REASON_NO_CAPACITY);
  q.set_request_id(request_id);
  q.set_etag(etag);
  return WOR_UNARY(s.referrals(), RejectReferral, q, referral);
}

inline RpcResult<wor::v1::Referral> Cancel(TestServer& s,
                                           const std::string& name,
                                           const std::string& request_id) {
  wor::v1::CancelReferralRequest q;
  q.set_name(name);
  q.set_reason(wor::v1::CANCELLATION_REASON_PATIENT_WITHDREW);
  q.set_request_id(request_id);
  return WOR_UNARY(s.referrals(), CancelReferral, q, referral);
}

inline RpcResult<wor::v1::Referral> Hold(TestServer& s, const std::string& name,
                                         const std::string& request_id) {
  wor::v1::PutReferralOnHoldRequest q;
  q.set_name(name);
  q.set_reason(wor::v1::HOLD_REASON_PATIENT_REQUEST);
  q.set_request_id(request_id);
  return WOR_UNARY(s.referrals(), PutReferralOnHold, q, referral);
}

inline RpcResult<wor::v1::Referral> Resume(TestServer& s,
                                           const std::string& name,
                                           const std::string& request_id) {
  wor::v1::ResumeReferralRequest q;
  q.set_name(name);
  q.set_request_id(request_id);
  return WOR_UNARY(s.referrals(), ResumeReferral, q, referral);
}

inline RpcResult<wor::v1::Referral> Contact(TestServer& s,
                                            const std::string& name,
                                            wor::v1::ContactResult result,
                                            const std::string& request_id) {
  wor::v1::RecordContactAttemptRequest q;
  q.set_name(name);
  q.mutable_attempt()->set_channel(wor::v1::CONTACT_CHANNEL_PHONE);
  q.mutable_attempt()->set_result(result);
  *q.mutable_attempt()->mutable_attempt_time() = ToTimestamp(s.clock().Now());
  q.set_request_id(request_id);
  return WOR_UNARY(s.intake(), RecordContactAttempt, q, referral);
}

inline RpcResult<wor::v1::Referral> Schedule(TestServer& s,
                                             const std::string& name,
                                             absl::Time when,
                                             const std::string& request_id) {
  wor::v1::ScheduleIntakeRequest q;
  q.set_name(name);
  *q.mutable_scheduled_time() = ToTimestamp(when);
  q.set_location(wor::v1::INTAKE_LOCATION_HOME);
  q.set_request_id(request_id);
  return WOR_UNARY(s.intake(), ScheduleIntake, q, referral);
}

inline wor::v1::PositiveHealthScores Scores(double base) {
  wor::v1::PositiveHealthScores p;
  p.set_bodily_functions(base);
  p.set_mental_wellbeing(base - 1);
  p.set_meaning(base + 0.5);
  p.set_quality_of_life(base);
  p.set_participation(base - 2);
  p.set_daily_functioning(base + 1);
  return p;
}

inline RpcResult<wor::v1::Referral> RecordIntake(
    TestServer& s, const std::string& name, absl::Time held,
    const std::string& request_id) {
  wor::v1::RecordIntakeRequest q;
  q.set_name(name);
  *q.mutable_held_time() = ToTimestamp(held);
  *q.mutable_scores() = Scores(5);
  q.set_request_id(request_id);
  return WOR_UNARY(s.intake(), RecordIntake, q, referral);
}

inline RpcResult<wor::v1::Referral> ChooseActivity(
    TestServer& s, const std::string& name, const std::string& category,
    const std::string& activity, const std::string& request_id) {
  wor::v1::ChooseActivityRequest q;
  q.set_name(name);
  q.set_category(category);
  q.set_activity(activity);
  q.set_request_id(request_id);
  return WOR_UNARY(s.intake(), ChooseActivity, q, referral);
}

inline RpcResult<wor::v1::Referral> Complete(TestServer& s,
                                             const std::string& name,
                                             bool with_scores,
                                             const std::string& request_id) {
  wor::v1::CompleteReferralRequest q;
  q.set_name(name);
  q.set_outcome(wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED);
  if (with_scores) *q.mutable_scores() = Scores(7);
  q.set_request_id(request_id);
  return WOR_UNARY(s.intake(), CompleteReferral, q, referral);
}

inline RpcResult<wor::v1::Feedback> SendFeedback(
    TestServer& s, const std::string& parent, wor::v1::FeedbackKind kind,
    const std::string& request_id) {
  wor::v1::SendFeedbackRequest q;
  q.set_parent(parent);
  q.mutable_feedback()->set_kind(kind);
  q.mutable_feedback()->set_summary("Samenvatting voor de huisarts.");
  q.set_request_id(request_id);
  return WOR_UNARY(s.feedback(), SendFeedback, q, feedback);
}

inline RpcResult<wor::v1::Feedback> Acknowledge(TestServer& s,
                                                const std::string& name,
                                                const std::string& request_id) {
  wor::v1::AcknowledgeFeedbackRequest q;
  q.set_name(name);
  q.set_request_id(request_id);
  return WOR_UNARY(s.feedback(), AcknowledgeFeedback, q, feedback);
}

}  // namespace wor::server

#endif  // WOR_TESTS_INTEGRATION_RPC_HELPERS_H_
