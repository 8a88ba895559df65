#include "server/domain/feedback_workflow.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/domain/deadline_escalation.h"
#include "server/domain/deadline_tracking.h"
#include "server/domain/field_checks.h"
#include "server/domain/idempotency.h"
#include "server/domain/referral_access.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/referral_state_machine.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;

// Whether the referral has reached the moment this kind of feedback is for.
absl::Status CheckFeedbackMoment(wor::v1::FeedbackKind kind,
                                 const wor::v1::Referral& referral) {
  const wor::v1::ReferralState state = referral.state();
  switch (kind) {
    case wor::v1::FEEDBACK_KIND_AFTER_INTAKE:
      if (referral.intake().has_held_time()) return absl::OkStatus();
      return absl::FailedPreconditionError(absl::StrCat(
          "feedback.kind: AFTER_INTAKE feedback needs a recorded intake; the "
          "referral is ",
          ShortStateName(state), ". Record the intake first (RecordIntake)"));
    case wor::v1::FEEDBACK_KIND_AT_CLOSING:
      if (state == wor::v1::REFERRAL_STATE_COMPLETED) return absl::OkStatus();
      return absl::FailedPreconditionError(absl::StrCat(
          "feedback.kind: AT_CLOSING feedback needs a completed referral; the "
          "referral is ",
          ShortStateName(state), ". Complete it first (CompleteReferral)"));
    default:  // INTERIM
      if (state != wor::v1::REFERRAL_STATE_REQUESTED &&
          state != wor::v1::REFERRAL_STATE_REJECTED) {
        return absl::OkStatus();
      }
      return absl::FailedPreconditionError(
          absl::StrCat("feedback.kind: feedback needs an accepted referral; "
                       "the referral is ",
                       ShortStateName(state)));
  }
}

wor::v1::ReferralEvent FeedbackEvent(wor::v1::ReferralEventType type,
                                     const wor::v1::Referral& referral,
                                     const std::string& feedback_name,
                                     absl::Time now) {
  wor::v1::ReferralEvent event;
  event.set_type(type);
  *event.mutable_referral() = referral;
  event.set_feedback(feedback_name);
  *event.mutable_event_time() = ToTimestamp(now);
  return event;
}

}  // namespace

absl::Status FeedbackWorkflow::MeetFeedbackClock(WriteTransaction& tx,
                                                 const std::string& referral_id,
                                                 wor::v1::FeedbackKind kind,
                                                 absl::Time now,
                                                 StoredReferral& stored) const {
  wor::v1::Referral& referral = stored.referral;
  wor::v1::ReferralDeadlines* clocks = referral.mutable_deadlines();
  wor::v1::Deadline* clock = nullptr;
  if (kind == wor::v1::FEEDBACK_KIND_AFTER_INTAKE &&
      clocks->has_intake_feedback()) {
    clock = clocks->mutable_intake_feedback();
  } else if (kind == wor::v1::FEEDBACK_KIND_AT_CLOSING &&
             clocks->has_closing_feedback()) {
    clock = clocks->mutable_closing_feedback();
  }
  const wor::v1::DeadlineStatus before =
      clock != nullptr ? clock->status() : wor::v1::DEADLINE_STATUS_UNSPECIFIED;
  if (clock != nullptr) MarkDeadlineMet(now, clock);
  if (clock == nullptr || clock->status() == before) {
    referral.set_etag(EtagForRevision(stored.revision));
    return absl::OkStatus();
  }
  const DeadlinePolicy* policy =
      region_->PolicyFor(referral.welfare_organisation());
  if (policy == nullptr) {
    return absl::InternalError(
        "the referral's welfare organisation is no longer configured");
  }
  SetNextDeadlineAlarm(*policy, now, referral);
  *referral.mutable_update_time() = ToTimestamp(now);
  referral.set_etag(EtagForRevision(stored.revision + 1));
  return tx.UpdateReferral(referral_id, stored.revision, referral);
}

absl::StatusOr<wor::v1::Feedback> FeedbackWorkflow::Send(
    const CallContext& call, const wor::v1::SendFeedbackRequest& request) {
  WOR_ASSIGN_OR_RETURN(std::string referral_id,
                       ParseReferralName("parent", request.parent()));
  WOR_RETURN_IF_ERROR(CheckRequestId("request_id", request.request_id()));
  const wor::v1::Feedback& input = request.feedback();
  if (input.kind() == wor::v1::FEEDBACK_KIND_UNSPECIFIED ||
      !wor::v1::FeedbackKind_IsValid(input.kind())) {
    return FieldError("feedback.kind",
                      "expected AFTER_INTAKE, AT_CLOSING or INTERIM");
  }
  WOR_RETURN_IF_ERROR(
      CheckText("feedback.summary", input.summary(),
                {.required = true, .max_chars = 4000, .multi_line = true}));
  const std::string digest = RequestDigest(request);
  const absl::Time now = clock_->Now();
  const std::string feedback_id = NewResourceId();

  wor::v1::Feedback result;
  wor::v1::ConsentRecord consent;
  WOR_RETURN_IF_ERROR(audit_.WriteOrRecordDenied(
      call, request.parent(), [&](WriteTransaction& tx) -> absl::Status {
        absl::StatusOr<StoredReferral> stored =
            LoadCoveredReferral(tx, call, referral_id, request.parent());
        if (!stored.ok()) return stored.status();
        consent = stored->referral.consent();
        AccessedObjects objects;
        objects.Add(request.parent(), stored->referral.patient_pseudonym());
        WOR_ASSIGN_OR_RETURN(bool replayed,
                             ReplayIfSeen(tx, request.request_id(),
                                          "SendFeedback", digest, &result));
        if (replayed) return tx.AppendAudit(audit_.Allowed(call, objects, {}));
        WOR_RETURN_IF_ERROR(
            CheckFeedbackMoment(input.kind(), stored->referral));

        wor::v1::Feedback feedback;
        feedback.set_name(FeedbackName(referral_id, feedback_id));
        feedback.set_kind(input.kind());
        feedback.set_summary(input.summary());
        *feedback.mutable_send_time() = ToTimestamp(now);
        WOR_RETURN_IF_ERROR(
            tx.InsertFeedback(referral_id, feedback_id, feedback));
        WOR_RETURN_IF_ERROR(
            MeetFeedbackClock(tx, referral_id, input.kind(), now, *stored));
        WOR_RETURN_IF_ERROR(tx.AppendEvent(
            FeedbackEvent(wor::v1::REFERRAL_EVENT_TYPE_FEEDBACK_SENT,
                          stored->referral, feedback.name(), now)));
        result = std::move(feedback);
        WOR_RETURN_IF_ERROR(tx.AppendAudit(audit_.Allowed(call, objects, {})));
        return RememberResult(tx, request.request_id(), "SendFeedback", digest,
                              result, stored->referral.patient_pseudonym());
      }));
  DiscloseToCaller(call, consent, result);
  return result;
}

absl::StatusOr<wor::v1::ListFeedbackResponse> FeedbackWorkflow::List(
    const CallContext& call, const wor::v1::ListFeedbackRequest& request) {
  WOR_ASSIGN_OR_RETURN(std::string referral_id,
                       ParseReferralName("parent", request.parent()));
  int page_size =
      request.page_size() == 0 ? kDefaultPageSize : request.page_size();
  if (page_size < 1 || page_size > kMaxPageSize) {
    return FieldError("page_size", "expected 1 to 200 (0 means 50)");
  }
  int64_t after = 0;
  if (!request.page_token().empty() &&
      (!absl::SimpleAtoi(request.page_token(), &after) || after < 0)) {
    return FieldError("page_token", "pass next_page_token unchanged, or none");
  }
  absl::StatusOr<StoredReferral> referral =
      LoadCoveredReferral(*store_, call, referral_id, request.parent());
  if (absl::IsNotFound(referral.status())) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, request.parent()));
  }
  if (!referral.ok()) return referral.status();

  WOR_ASSIGN_OR_RETURN(auto rows,
                       store_->ListFeedback(referral_id, after, page_size + 1));
  wor::v1::ListFeedbackResponse response;
  bool more = static_cast<int>(rows.size()) > page_size;
  if (more) rows.resize(page_size);
  AccessedObjects objects;
  std::vector<wor::v1::ConsentScope> relied_on;
  for (auto& [position, feedback] : rows) {
    objects.Add(feedback.name(), referral->referral.patient_pseudonym());
    MergeConsent(relied_on, DiscloseToCaller(call, referral->referral.consent(),
                                             feedback));
    *response.add_feedback() = std::move(feedback);
  }
  if (more) response.set_next_page_token(absl::StrCat(rows.back().first));
  if (objects.names.empty()) {
    objects.Add(request.parent(), referral->referral.patient_pseudonym());
  }
  WOR_RETURN_IF_ERROR(audit_.RecordRead(call, objects, relied_on));
  return response;
}

absl::StatusOr<wor::v1::Feedback> FeedbackWorkflow::Acknowledge(
    const CallContext& call,
    const wor::v1::AcknowledgeFeedbackRequest& request) {
  WOR_ASSIGN_OR_RETURN(auto ids, ParseFeedbackName("name", request.name()));
  WOR_RETURN_IF_ERROR(CheckRequestId("request_id", request.request_id()));
  const auto& [referral_id, feedback_id] = ids;
  const absl::Time now = clock_->Now();
  wor::v1::Feedback result;
  wor::v1::ConsentRecord consent;
  WOR_RETURN_IF_ERROR(audit_.WriteOrRecordDenied(
      call, request.name(), [&](WriteTransaction& tx) -> absl::Status {
        const absl::Status not_found =
            absl::NotFoundError(absl::StrCat(request.name(), " was not found"));
        absl::StatusOr<StoredReferral> stored = LoadCoveredReferral(
            tx, call, referral_id, ReferralName(referral_id));
        if (absl::IsNotFound(stored.status())) return not_found;
        if (!stored.ok()) return stored.status();
        consent = stored->referral.consent();
        AccessedObjects objects;
        objects.Add(request.name(), stored->referral.patient_pseudonym());
        absl::StatusOr<wor::v1::Feedback> feedback =
            tx.GetFeedback(referral_id, feedback_id);
        if (absl::IsNotFound(feedback.status())) return not_found;
        if (!feedback.ok()) return feedback.status();
        WOR_RETURN_IF_ERROR(tx.AppendAudit(audit_.Allowed(call, objects, {})));
        // Acknowledging twice keeps the first acknowledgement: the outcome is
        // the same whoever retries, so no idempotency record is needed.
        if (feedback->has_acknowledge_time()) {
          result = *std::move(feedback);
          return absl::OkStatus();
        }
        *feedback->mutable_acknowledge_time() = ToTimestamp(now);
        WOR_RETURN_IF_ERROR(
            tx.UpdateFeedback(referral_id, feedback_id, *feedback));
        WOR_RETURN_IF_ERROR(tx.AppendEvent(
            FeedbackEvent(wor::v1::REFERRAL_EVENT_TYPE_FEEDBACK_ACKNOWLEDGED,
                          stored->referral, request.name(), now)));
        result = *std::move(feedback);
        return absl::OkStatus();
      }));
  DiscloseToCaller(call, consent, result);
  return result;
}

}  // namespace wor::server
