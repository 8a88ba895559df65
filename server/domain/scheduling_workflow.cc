#include "server/domain/scheduling_workflow.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/domain/coach_availability.h"
#include "server/domain/coach_names.h"
#include "server/domain/field_checks.h"

namespace wor::server {
namespace {

// The same answer for a coach outside the caller's reach and for a name
// that does not exist.
absl::Status AvailabilityNotFound(const std::string& name) {
  return absl::NotFoundError(absl::StrCat(
      name,
      " was not found; a coach manages their own availability, a "
      "coordinator that of the coaches of their own organisation"));
}

}  // namespace

absl::StatusOr<wor::v1::CoachAvailability>
SchedulingWorkflow::GetCoachAvailability(
    const CallContext& call,
    const wor::v1::GetCoachAvailabilityRequest& request) {
  WOR_ASSIGN_OR_RETURN(CoachName coach,
                       ParseAvailabilityName("name", request.name()));
  if (!MayManageCoach(call, coach)) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, request.name()));
    return AvailabilityNotFound(request.name());
  }
  WOR_ASSIGN_OR_RETURN(StoredCoachAvailability stored,
                       store_->GetCoachAvailability(coach.Name()));
  wor::v1::CoachAvailability result = std::move(stored.availability);
  result.set_name(coach.AvailabilityName());
  result.set_etag(EtagForRevision(stored.revision));
  return result;
}

absl::StatusOr<wor::v1::CoachAvailability>
SchedulingWorkflow::UpdateCoachAvailability(
    const CallContext& call,
    const wor::v1::UpdateCoachAvailabilityRequest& request) {
  const wor::v1::CoachAvailability& availability = request.availability();
  WOR_ASSIGN_OR_RETURN(
      CoachName coach,
      ParseAvailabilityName("availability.name", availability.name()));
  if (!MayManageCoach(call, coach)) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, availability.name()));
    return AvailabilityNotFound(availability.name());
  }
  std::optional<int64_t> expected_revision;
  if (!availability.etag().empty()) {
    expected_revision = RevisionFromEtag(availability.etag());
    if (!expected_revision) {
      return FieldError("availability.etag",
                        "is not an etag of this server; send the etag of the "
                        "availability as last read, or none");
    }
  }
  WOR_RETURN_IF_ERROR(ValidateCoachAvailability("availability", availability));

  wor::v1::CoachAvailability stored = availability;
  stored.clear_name();
  stored.clear_etag();
  int64_t revision = 0;
  WOR_RETURN_IF_ERROR(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    WOR_ASSIGN_OR_RETURN(StoredCoachAvailability current,
                         tx.GetCoachAvailability(coach.Name()));
    if (expected_revision && *expected_revision != current.revision) {
      return absl::AbortedError(
          "availability.etag: the availability was changed by someone else "
          "since you read it; get it again, check, and retry your change");
    }
    WOR_ASSIGN_OR_RETURN(revision, tx.PutCoachAvailability(
                                       coach.Name(), current.revision, stored));
    return absl::OkStatus();
  }));
  stored.set_name(coach.AvailabilityName());
  stored.set_etag(EtagForRevision(revision));
  return stored;
}

}  // namespace wor::server
