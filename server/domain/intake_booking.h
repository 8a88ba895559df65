// The rules of booking an intake with a coach, shared by ScheduleIntake and
// FindIntakeSlots (intake_workflow.h): who the coach is, how long the
// appointment lasts, the intake deadline with its late reasons, and the
// coach's other bookings.
//
// Availability (coach_availability.h) guides FindIntakeSlots only; a coach
// may book any free time, e.g. an evening the patient asked for.
#ifndef WOR_SERVER_DOMAIN_INTAKE_BOOKING_H_
#define WOR_SERVER_DOMAIN_INTAKE_BOOKING_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/domain/call_context.h"
#include "server/domain/coach_availability.h"
#include "server/domain/coach_names.h"
#include "server/store/store.h"
#include "wor/v1/intake.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

inline constexpr int kDefaultIntakeMinutes = 60;
inline constexpr int kShortestIntakeMinutes = 15;
inline constexpr int kLongestIntakeMinutes = 240;

// The coach named in `field`, or the calling coach when it is empty (a
// coordinator must name one). INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<CoachName> IntakeCoachFor(absl::string_view field,
                                         const std::string& requested,
                                         const CallContext& call);

// `minutes` as an appointment length: 0 means kDefaultIntakeMinutes;
// otherwise 15–240. INVALID_ARGUMENT naming `field`.
absl::StatusOr<absl::Duration> IntakeDuration(absl::string_view field,
                                              int minutes);

// INVALID_ARGUMENT naming `field` unless the coach works for the referral's
// welfare organisation.
absl::Status CheckCoachOfReferral(absl::string_view field,
                                  const CoachName& coach,
                                  const wor::v1::Referral& referral);

// The due time of the referral's intake deadline while it still runs
// (pending, paused or breached); nullopt once met or not applicable.
std::optional<absl::Time> RunningIntakeDueTime(
    const wor::v1::Referral& referral);

// An intake starting at `start` meets a running deadline when it starts
// before its due time. When it does not, `late_reason` must be set
// (FAILED_PRECONDITION naming `late_reason` and the due date); an invalid
// reason is INVALID_ARGUMENT. Returns the reason to record: the given one
// for a late intake, UNSPECIFIED for one on time.
absl::StatusOr<wor::v1::IntakeLateReason> LateReasonToRecord(
    const wor::v1::Referral& referral, absl::Time start,
    wor::v1::IntakeLateReason late_reason);

// ALREADY_EXISTS when the coach has another booked intake overlapping
// `slot` (the referral's own, being rescheduled, does not count); the
// message gives the other booking's local times and what to do.
absl::Status CheckCoachIsFree(WriteTransaction& tx, const CoachName& coach,
                              const TimeInterval& slot,
                              const std::string& referral_id,
                              absl::TimeZone zone);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_INTAKE_BOOKING_H_
