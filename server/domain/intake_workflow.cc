#include "server/domain/intake_workflow.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/status_macros.h"
#include "server/domain/deadline_tracking.h"
#include "server/domain/field_checks.h"
#include "server/domain/intake_booking.h"
#include "server/domain/intake_slot_finder.h"
#include "server/domain/referral_access.h"
#include "server/domain/referral_validation.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

// A past instant reported by a client: set, not in the future (within the
// allowed skew), and not before the referral existed.
absl::Status CheckPastInstant(absl::string_view field, bool has_value,
                              const google::protobuf::Timestamp& value,
                              const wor::v1::Referral& referral,
                              absl::Time now) {
  WOR_RETURN_IF_ERROR(CheckTimestampSet(field, has_value, value));
  absl::Time t = FromTimestamp(value);
  if (t > now + kAllowedClockSkew)
    return FieldError(field, "lies in the future");
  if (t < FromTimestamp(referral.create_time())) {
    return FieldError(field, "lies before the referral was made");
  }
  return absl::OkStatus();
}

}  // namespace

IntakeWorkflow::IntakeWorkflow(Store* store, const Clock* clock,
                               const RegionDirectory* region)
    : store_(store),
      clock_(clock),
      region_(region),
      audit_(store, clock),
      mutator_(store, clock, region) {}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::RecordContactAttempt(
    const CallContext& call,
    const wor::v1::RecordContactAttemptRequest& request) {
  const wor::v1::ContactAttempt& attempt = request.attempt();
  if (attempt.channel() == wor::v1::CONTACT_CHANNEL_UNSPECIFIED ||
      !wor::v1::ContactChannel_IsValid(attempt.channel())) {
    return FieldError("attempt.channel",
                      "expected PHONE, EMAIL, IN_PERSON or LETTER");
  }
  if (attempt.result() == wor::v1::CONTACT_RESULT_UNSPECIFIED ||
      !wor::v1::ContactResult_IsValid(attempt.result())) {
    return FieldError("attempt.result",
                      "expected REACHED, NO_ANSWER, MESSAGE_LEFT or "
                      "WRONG_CONTACT_DETAILS");
  }
  return mutator_.Apply(
      {call, request, ReferralVerb::kRecordContactAttempt, request.name(),
       request.etag(), request.request_id()},
      [&](wor::v1::Referral& referral, absl::Time now) -> absl::Status {
        WOR_RETURN_IF_ERROR(
            CheckPastInstant("attempt.attempt_time", attempt.has_attempt_time(),
                             attempt.attempt_time(), referral, now));
        *referral.add_contact_attempts() = attempt;
        if (attempt.result() == wor::v1::CONTACT_RESULT_REACHED) {
          const absl::Time when = FromTimestamp(attempt.attempt_time());
          auto* deadlines = referral.mutable_deadlines();
          MarkDeadlineMet(when, deadlines->mutable_first_contact_target());
          MarkDeadlineMet(when, deadlines->mutable_first_contact_limit());
          referral.set_state(wor::v1::REFERRAL_STATE_CONTACTED);
        }
        return absl::OkStatus();
      });
}

absl::StatusOr<wor::v1::FindIntakeSlotsResponse>
IntakeWorkflow::FindIntakeSlots(
    const CallContext& call, const wor::v1::FindIntakeSlotsRequest& request) {
  WOR_ASSIGN_OR_RETURN(std::string id,
                       ParseReferralName("name", request.name()));
  WOR_ASSIGN_OR_RETURN(CoachName coach,
                       IntakeCoachFor("coach", request.coach(), call));
  WOR_ASSIGN_OR_RETURN(
      absl::Duration duration,
      IntakeDuration("duration_minutes", request.duration_minutes()));
  if (request.max_slots() < 0 || request.max_slots() > kMostIntakeSlots) {
    return FieldError(
        "max_slots", absl::StrCat("must be 1-", kMostIntakeSlots, ", or 0 for ",
                                  kDefaultIntakeSlots));
  }
  const absl::Time now = clock_->Now();
  SlotQuery query;
  query.earliest = now;
  if (request.has_earliest_time()) {
    WOR_RETURN_IF_ERROR(
        CheckTimestampSet("earliest_time", true, request.earliest_time()));
    query.earliest = std::max(now, FromTimestamp(request.earliest_time()));
    if (query.earliest > now + kLongestIntakeBookingAhead) {
      return FieldError("earliest_time", "lies more than a year ahead");
    }
  }
  query.duration = duration;
  query.max_slots =
      request.max_slots() == 0 ? kDefaultIntakeSlots : request.max_slots();

  // The referral is read like any other: NOT_FOUND outside the caller's
  // organisation, and audited.
  WOR_ASSIGN_OR_RETURN(wor::v1::Referral referral,
                       ReadReferralForCall(audit_, call, "name", request.name(),
                                           ReadView::kInternal));
  WOR_RETURN_IF_ERROR(CheckCoachOfReferral("coach", coach, referral));
  const WorkingDayCalendar* calendar =
      region_->CalendarFor(referral.welfare_organisation());
  if (calendar == nullptr) {
    return absl::FailedPreconditionError(
        "the referral's welfare organisation is not configured on this "
        "server; ask the administrator");
  }
  query.due_time =
      RunningIntakeDueTime(referral).value_or(absl::InfiniteFuture());

  WOR_ASSIGN_OR_RETURN(StoredCoachAvailability availability,
                       store_->GetCoachAvailability(coach.Name()));
  WOR_ASSIGN_OR_RETURN(std::vector<BookedIntake> booked,
                       store_->ListCoachIntakes(
                           coach.Name(), query.earliest,
                           query.earliest + query.horizon + query.duration));
  std::vector<TimeInterval> taken;
  for (const BookedIntake& intake : booked) {
    // The referral's own booking is what a reschedule replaces.
    if (intake.referral_id != id) taken.push_back({intake.start, intake.end});
  }

  wor::v1::FindIntakeSlotsResponse response;
  for (const ProposedSlot& slot :
       FindFreeSlots(availability.availability, taken, *calendar,
                     region_->zone(), query)) {
    wor::v1::IntakeSlot* out = response.add_slots();
    out->set_coach(coach.Name());
    *out->mutable_start_time() = ToTimestamp(slot.start);
    *out->mutable_end_time() = ToTimestamp(slot.end);
    out->set_meets_deadline(slot.meets_deadline);
  }
  if (referral.deadlines().intake().has_due_time()) {
    *response.mutable_intake_due_time() =
        referral.deadlines().intake().due_time();
  }
  return response;
}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::ScheduleIntake(
    const CallContext& call, const wor::v1::ScheduleIntakeRequest& request) {
  WOR_ASSIGN_OR_RETURN(std::string id,
                       ParseReferralName("name", request.name()));
  WOR_RETURN_IF_ERROR(CheckTimestampSet("scheduled_time",
                                        request.has_scheduled_time(),
                                        request.scheduled_time()));
  if (request.location() == wor::v1::INTAKE_LOCATION_UNSPECIFIED ||
      !wor::v1::IntakeLocation_IsValid(request.location())) {
    return FieldError(
        "location",
        "expected HOME, NEIGHBOURHOOD_CENTRE, PRACTICE, PHONE or VIDEO");
  }
  WOR_ASSIGN_OR_RETURN(CoachName coach,
                       IntakeCoachFor("coach", request.coach(), call));
  WOR_ASSIGN_OR_RETURN(
      absl::Duration duration,
      IntakeDuration("duration_minutes", request.duration_minutes()));
  if (!wor::v1::IntakeLateReason_IsValid(request.late_reason())) {
    return FieldError("late_reason", "is not one of the intake late reasons");
  }
  const absl::Time now = clock_->Now();
  const absl::Time when = FromTimestamp(request.scheduled_time());
  if (when < now - kIntakeBookingGrace) {
    return FieldError("scheduled_time",
                      "lies in the past; book a time to come");
  }
  if (when > now + kLongestIntakeBookingAhead) {
    return FieldError("scheduled_time", "lies more than a year ahead");
  }
  const TimeInterval slot{when, when + duration};
  return mutator_.ApplyInTransaction(
      {call, request, ReferralVerb::kScheduleIntake, request.name(),
       request.etag(), request.request_id()},
      [&](WriteTransaction& tx, wor::v1::Referral& referral,
          absl::Time) -> absl::Status {
        WOR_RETURN_IF_ERROR(CheckCoachOfReferral("coach", coach, referral));
        WOR_ASSIGN_OR_RETURN(
            wor::v1::IntakeLateReason late_reason,
            LateReasonToRecord(referral, when, request.late_reason()));
        WOR_RETURN_IF_ERROR(
            CheckCoachIsFree(tx, coach, slot, id, region_->zone()));
        wor::v1::Intake* intake = referral.mutable_intake();
        if (referral.state() == wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED) {
          intake->set_reschedule_count(intake->reschedule_count() + 1);
        }
        *intake->mutable_scheduled_time() = request.scheduled_time();
        *intake->mutable_end_time() = ToTimestamp(slot.end);
        intake->set_location(request.location());
        intake->set_coach(coach.Name());
        intake->set_status(wor::v1::APPOINTMENT_STATUS_BOOKED);
        intake->set_late_reason(late_reason);
        intake->clear_cancelled_by();
        referral.set_assigned_coach(coach.Name());
        referral.set_state(wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
        return absl::OkStatus();
      });
}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::CancelIntake(
    const CallContext& call, const wor::v1::CancelIntakeRequest& request) {
  if (request.cancelled_by() == wor::v1::INTAKE_CANCELLED_BY_UNSPECIFIED ||
      !wor::v1::IntakeCancelledBy_IsValid(request.cancelled_by())) {
    return FieldError("cancelled_by", "expected PATIENT or COACH");
  }
  return mutator_.Apply(
      {call, request, ReferralVerb::kCancelIntake, request.name(),
       request.etag(), request.request_id()},
      [&](wor::v1::Referral& referral, absl::Time) {
        wor::v1::Intake* intake = referral.mutable_intake();
        intake->set_status(wor::v1::APPOINTMENT_STATUS_CANCELLED);
        intake->set_cancelled_by(request.cancelled_by());
        referral.set_state(wor::v1::REFERRAL_STATE_CONTACTED);
        return absl::OkStatus();
      });
}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::RecordIntakeNoShow(
    const CallContext& call,
    const wor::v1::RecordIntakeNoShowRequest& request) {
  return mutator_.Apply(
      {call, request, ReferralVerb::kRecordIntakeNoShow, request.name(),
       request.etag(), request.request_id()},
      [&](wor::v1::Referral& referral, absl::Time now) -> absl::Status {
        wor::v1::Intake* intake = referral.mutable_intake();
        if (FromTimestamp(intake->scheduled_time()) > now + kAllowedClockSkew) {
          return absl::FailedPreconditionError(
              "the intake has not started yet; record a no-show after its "
              "start, or cancel it (CancelIntake)");
        }
        intake->set_status(wor::v1::APPOINTMENT_STATUS_NOSHOW);
        intake->set_no_show_count(intake->no_show_count() + 1);
        referral.set_state(wor::v1::REFERRAL_STATE_CONTACTED);
        return absl::OkStatus();
      });
}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::RecordIntake(
    const CallContext& call, const wor::v1::RecordIntakeRequest& request) {
  if (!request.has_scores())
    return FieldError("scores", "is required (six scores 0-10)");
  WOR_RETURN_IF_ERROR(ValidatePositiveHealthScores("scores", request.scores()));
  return mutator_.Apply(
      {call, request, ReferralVerb::kRecordIntake, request.name(),
       request.etag(), request.request_id()},
      [&](wor::v1::Referral& referral, absl::Time now) -> absl::Status {
        WOR_RETURN_IF_ERROR(
            CheckPastInstant("held_time", request.has_held_time(),
                             request.held_time(), referral, now));
        wor::v1::Intake* intake = referral.mutable_intake();
        *intake->mutable_held_time() = request.held_time();
        *intake->mutable_scores() = request.scores();
        intake->set_status(wor::v1::APPOINTMENT_STATUS_FULFILLED);
        MarkDeadlineMet(FromTimestamp(request.held_time()),
                        referral.mutable_deadlines()->mutable_intake());
        referral.set_state(wor::v1::REFERRAL_STATE_INTAKE_DONE);
        return absl::OkStatus();
      });
}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::ChooseActivity(
    const CallContext& call, const wor::v1::ChooseActivityRequest& request) {
  if (request.category().empty()) {
    return FieldError("category",
                      "is required: a category id from the region's catalogue");
  }
  if (!region_->CatalogueHas(request.category(), request.activity())) {
    return FieldError(
        request.activity().empty() ? "category" : "activity",
        absl::StrCat("is not in the activity catalogue of ",
                     region_->region_name(),
                     "; see CatalogueService.GetActivityCatalogue"));
  }
  return mutator_.Apply(
      {call, request, ReferralVerb::kChooseActivity, request.name(),
       request.etag(), request.request_id()},
      [&](wor::v1::Referral& referral, absl::Time now) {
        wor::v1::ChosenActivity* activity = referral.mutable_activity();
        activity->set_category(request.category());
        activity->set_activity(request.activity());
        *activity->mutable_choose_time() = ToTimestamp(now);
        referral.set_state(wor::v1::REFERRAL_STATE_IN_PROGRESS);
        return absl::OkStatus();
      });
}

absl::StatusOr<wor::v1::Referral> IntakeWorkflow::Complete(
    const CallContext& call, const wor::v1::CompleteReferralRequest& request) {
  if (request.outcome() == wor::v1::REFERRAL_OUTCOME_UNSPECIFIED ||
      !wor::v1::ReferralOutcome_IsValid(request.outcome())) {
    return FieldError("outcome", "must be set to one of the referral outcomes");
  }
  if (request.has_scores()) {
    WOR_RETURN_IF_ERROR(
        ValidatePositiveHealthScores("scores", request.scores()));
  }
  return mutator_.Apply(
      {call, request, ReferralVerb::kCompleteReferral, request.name(),
       request.etag(), request.request_id()},
      [&](wor::v1::Referral& referral, absl::Time now) -> absl::Status {
        if (referral.intake().has_held_time() && !request.has_scores() &&
            request.outcome() == wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED) {
          return FieldError("scores",
                            "are required at closing after an intake, to "
                            "measure the change in Positieve Gezondheid");
        }
        wor::v1::ReferralClosing* closing = referral.mutable_closing();
        closing->set_outcome(request.outcome());
        if (request.has_scores()) *closing->mutable_scores() = request.scores();
        *closing->mutable_complete_time() = ToTimestamp(now);
        referral.set_state(wor::v1::REFERRAL_STATE_COMPLETED);
        return absl::OkStatus();
      });
}

}  // namespace wor::server
