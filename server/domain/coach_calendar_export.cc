#include "server/domain/coach_calendar_export.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/calendar/calendar_entries.h"
#include "server/calendar/icalendar_writer.h"
#include "server/common/status_macros.h"
#include "server/domain/disclosure_policy.h"
#include "server/domain/resource_names.h"

namespace wor::server {
namespace {

constexpr int kPageSize = 200;

// The same answer for a malformed name, another organisation's coach and
// another coach's calendar, so names reveal nothing.
absl::Status NoSuchCoach() {
  return absl::NotFoundError(
      "coach: no calendar you may see has this name; expected "
      "welfareOrganisations/{kvk_number}/coaches/{coach_id}");
}

bool MayExport(const CallContext& call, const std::string& coach) {
  const std::string organisation = CoachOrganisationOf(coach);
  if (organisation.empty() ||
      call.caller.organisation !=
          absl::StrCat("kvk:",
                       organisation.substr(organisation.find('/') + 1))) {
    return false;
  }
  if (call.caller.role == wor::v1::USER_ROLE_COORDINATOR) return true;
  return call.caller.role == wor::v1::USER_ROLE_COACH &&
         call.caller.user == CoachIdOf(coach);
}

// Every state in which a referral may still have a calendar entry (the
// closing feedback runs after completion).
std::vector<wor::v1::ReferralState> StatesWithEntries() {
  return {wor::v1::REFERRAL_STATE_REQUESTED,
          wor::v1::REFERRAL_STATE_ACCEPTED,
          wor::v1::REFERRAL_STATE_CONTACTED,
          wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED,
          wor::v1::REFERRAL_STATE_INTAKE_DONE,
          wor::v1::REFERRAL_STATE_IN_PROGRESS,
          wor::v1::REFERRAL_STATE_ON_HOLD,
          wor::v1::REFERRAL_STATE_COMPLETED};
}

}  // namespace

absl::StatusOr<wor::v1::ExportCoachCalendarResponse>
CoachCalendarExport::Export(
    const CallContext& call,
    const wor::v1::ExportCoachCalendarRequest& request) const {
  const std::string& coach = request.coach();
  if (!MayExport(call, coach)) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, coach));
    return NoSuchCoach();
  }
  // The coach's own open referrals, through the assigned-coach index (a
  // booking makes the intake's coach the assigned one).
  ReferralFilter filter;
  filter.welfare_organisation = CoachOrganisationOf(coach);
  filter.assigned_coach = coach;
  filter.states = StatesWithEntries();
  std::vector<CalendarEntry> entries;
  AccessedObjects objects;
  std::vector<wor::v1::ConsentScope> relied_on;
  int64_t after = 0;
  while (true) {
    WOR_ASSIGN_OR_RETURN(std::vector<StoredReferral> page,
                         store_->ListReferrals(filter, after, kPageSize));
    for (StoredReferral& row : page) {
      after = row.sequence;
      wor::v1::Referral& referral = row.referral;
      absl::StatusOr<std::string> id =
          ParseReferralName("referral.name", referral.name());
      if (!id.ok()) continue;
      const std::string pseudonym = referral.patient_pseudonym();
      std::vector<wor::v1::ConsentScope> scopes =
          DiscloseReferral(wor::v1::USER_ROLE_COACH, referral);
      bool shown = false;
      for (CalendarEntry& entry : CalendarEntriesForReferral(
               *id, referral, personal_data_, row.revision)) {
        if (entry.coach != coach) continue;
        entries.push_back(std::move(entry));
        shown = true;
      }
      if (!shown) continue;
      objects.Add(referral.name(), pseudonym);
      for (wor::v1::ConsentScope scope : scopes) {
        if (std::find(relied_on.begin(), relied_on.end(), scope) ==
            relied_on.end()) {
          relied_on.push_back(scope);
        }
      }
    }
    if (static_cast<int>(page.size()) < kPageSize) break;
  }
  std::sort(relied_on.begin(), relied_on.end());
  // Logged before anything is returned.
  WOR_RETURN_IF_ERROR(audit_.RecordRead(call, objects, relied_on));
  wor::v1::ExportCoachCalendarResponse response;
  response.set_icalendar(WriteICalendar(entries, clock_->Now(), zone_));
  return response;
}

}  // namespace wor::server
