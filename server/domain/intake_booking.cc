#include "server/domain/intake_booking.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/common/status_macros.h"
#include "server/domain/field_checks.h"
#include "server/domain/time_conversion.h"

namespace wor::server {

absl::StatusOr<CoachName> IntakeCoachFor(absl::string_view field,
                                         const std::string& requested,
                                         const CallContext& call) {
  if (requested.empty()) return CallingCoach(field, call);
  return ParseCoachName(field, requested);
}

absl::StatusOr<absl::Duration> IntakeDuration(absl::string_view field,
                                              int minutes) {
  if (minutes == 0) return absl::Minutes(kDefaultIntakeMinutes);
  if (minutes < kShortestIntakeMinutes || minutes > kLongestIntakeMinutes) {
    return FieldError(field,
                      absl::StrCat("must be ", kShortestIntakeMinutes, "-",
                                   kLongestIntakeMinutes, " minutes, or 0 for ",
                                   kDefaultIntakeMinutes));
  }
  return absl::Minutes(minutes);
}

absl::Status CheckCoachOfReferral(absl::string_view field,
                                  const CoachName& coach,
                                  const wor::v1::Referral& referral) {
  if (coach.Organisation() == referral.welfare_organisation()) {
    return absl::OkStatus();
  }
  return FieldError(field,
                    absl::StrCat("must be a coach of the referral's welfare "
                                 "organisation, ",
                                 referral.welfare_organisation()));
}

std::optional<absl::Time> RunningIntakeDueTime(
    const wor::v1::Referral& referral) {
  const wor::v1::Deadline& intake = referral.deadlines().intake();
  if (!intake.has_due_time()) return std::nullopt;
  switch (intake.status()) {
    case wor::v1::DEADLINE_STATUS_PENDING:
    case wor::v1::DEADLINE_STATUS_PAUSED:
    case wor::v1::DEADLINE_STATUS_BREACHED:
      return FromTimestamp(intake.due_time());
    default:
      return std::nullopt;
  }
}

absl::StatusOr<wor::v1::IntakeLateReason> LateReasonToRecord(
    const wor::v1::Referral& referral, absl::Time start,
    wor::v1::IntakeLateReason late_reason) {
  if (!wor::v1::IntakeLateReason_IsValid(late_reason)) {
    return FieldError("late_reason", "is not one of the intake late reasons");
  }
  const std::optional<absl::Time> due = RunningIntakeDueTime(referral);
  if (!due || start < *due) return wor::v1::INTAKE_LATE_REASON_UNSPECIFIED;
  if (late_reason != wor::v1::INTAKE_LATE_REASON_UNSPECIFIED) {
    return late_reason;
  }
  const wor::v1::LocalDate& day = referral.deadlines().intake().due_date();
  return absl::FailedPreconditionError(absl::StrFormat(
      "late_reason: the intake deadline is the end of %04d-%02d-%02d and "
      "this time is after it; give a late_reason (PATIENT_WISH, "
      "PATIENT_UNREACHABLE, PATIENT_ILL_OR_ADMITTED, PATIENT_NO_SHOW, "
      "NO_COACH_CAPACITY or OTHER), which is recorded and reported, or pick "
      "an earlier time (FindIntakeSlots proposes free ones)",
      day.year(), day.month(), day.day()));
}

absl::Status CheckCoachIsFree(WriteTransaction& tx, const CoachName& coach,
                              const TimeInterval& slot,
                              const std::string& referral_id,
                              absl::TimeZone zone) {
  WOR_ASSIGN_OR_RETURN(std::optional<BookedIntake> taken,
                       tx.FindOverlappingIntake(coach.Name(), slot.start,
                                                slot.end, referral_id));
  if (!taken) return absl::OkStatus();
  return absl::AlreadyExistsError(absl::StrCat(
      "scheduled_time: the coach already has an intake booked from ",
      absl::FormatTime("%Y-%m-%d %H:%M", taken->start, zone), " to ",
      absl::FormatTime("%H:%M", taken->end, zone),
      " (Europe/Amsterdam); pick another time: FindIntakeSlots proposes "
      "free slots"));
}

}  // namespace wor::server
