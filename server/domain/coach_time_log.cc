#include "server/domain/coach_time_log.h"

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/domain/access_policy.h"
#include "server/domain/coach_names.h"
#include "server/domain/field_checks.h"
#include "server/domain/idempotency.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {

absl::StatusOr<wor::v1::CoachTimeEntry> CoachTimeLog::Log(
    const CallContext& call, const wor::v1::LogCoachTimeRequest& request) {
  WOR_ASSIGN_OR_RETURN(std::string id,
                       ParseReferralName("name", request.name()));
  WOR_RETURN_IF_ERROR(CheckRequestId("request_id", request.request_id()));
  WOR_ASSIGN_OR_RETURN(CoachName coach, CallingCoach("name", call));
  // The body is checked after the referral, so that someone else's referral
  // and a missing one answer alike (NOT_FOUND) whatever the body.
  auto check_body = [&]() -> absl::StatusOr<absl::CivilDay> {
    if (!request.has_day() || !IsRealDate(request.day())) {
      return FieldError("day", "expected a real date (year, month, day)");
    }
    const absl::CivilDay day = FromLocalDate(request.day());
    if (day > absl::ToCivilDay(clock_->Now(), region_->zone())) {
      return FieldError("day", "must not be in the future");
    }
    if (request.minutes() < 1 || request.minutes() > 24 * 60) {
      return FieldError("minutes", "expected 1 to 1440 minutes");
    }
    return day;
  };

  const std::string digest = RequestDigest(request);
  wor::v1::LogCoachTimeResponse result;
  WOR_RETURN_IF_ERROR(audit_.WriteOrRecordDenied(
      call, request.name(), [&](WriteTransaction& tx) -> absl::Status {
        WOR_ASSIGN_OR_RETURN(bool replayed,
                             ReplayIfSeen(tx, request.request_id(),
                                          "LogCoachTime", digest, &result));
        if (replayed) return absl::OkStatus();
        absl::StatusOr<StoredReferral> stored = tx.GetReferral(id);
        if (absl::IsNotFound(stored.status()) ||
            (stored.ok() && !CoversReferral(call, stored->referral))) {
          return ReferralNotFound(request.name());
        }
        WOR_RETURN_IF_ERROR(stored.status());
        const wor::v1::Referral& referral = stored->referral;
        WOR_ASSIGN_OR_RETURN(const absl::CivilDay day, check_body());
        if (referral.has_milestones() &&
            day < FromLocalDate(referral.milestones().referral_date())) {
          return FieldError("day", "is before the referral was made");
        }
        if (referral.state() == wor::v1::REFERRAL_STATE_REQUESTED) {
          return absl::FailedPreconditionError(
              "the referral is not accepted yet: accept it before logging "
              "time on it");
        }
        WOR_RETURN_IF_ERROR(tx.InsertCoachTime(
            CoachTimeRow{.referral_id = id,
                         .practice_agb = referral.referrer().practice_agb(),
                         .coach = coach.Name(),
                         .day = day,
                         .minutes = request.minutes()}));
        wor::v1::CoachTimeEntry& entry = *result.mutable_entry();
        entry.set_referral(request.name());
        entry.set_coach(coach.Name());
        *entry.mutable_day() = request.day();
        entry.set_minutes(request.minutes());
        AccessedObjects objects;
        objects.Add(request.name(), referral.patient_pseudonym());
        WOR_RETURN_IF_ERROR(tx.AppendAudit(audit_.Allowed(call, objects, {})));
        return RememberResult(tx, request.request_id(), "LogCoachTime", digest,
                              result, "");
      }));
  return result.entry();
}

}  // namespace wor::server
