// What a referral puts in its coaches' calendars: the booked intake
// appointment and a reminder on the due day of every running deadline.
//
// Pure: no I/O, no clock. The same entries feed the iCalendar export
// (SchedulingService.ExportCoachCalendar) and the CalDAV push
// (calendar_sync.h), so both show the same thing.
//
// Privacy: an entry carries the referral id and, unless the settings say
// CALENDAR_PERSONAL_DATA_NONE, the patient's initials — nothing else about
// the patient (no question, indicators, contact details, birth date or BSN).
// Pass the referral as the coach may see it (DiscloseReferral with the coach
// role): without consent to share with the coach its names are cleared and
// the entries carry no initials.
//
//   std::vector<CalendarEntry> entries = CalendarEntriesForReferral(
//       "4f2c0a1b9d8e7f60", referral, CalendarPersonalData(), /*sequence=*/3);
//
// Thread-safe (stateless).
#ifndef WOR_SERVER_CALENDAR_CALENDAR_ENTRIES_H_
#define WOR_SERVER_CALENDAR_CALENDAR_ENTRIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/config/server_config.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// One calendar event (an RFC 5545 VEVENT), either timed or all-day.
struct CalendarEntry {
  // The coach whose calendar holds it,
  // `welfareOrganisations/{kvk_number}/coaches/{coach_id}`.
  std::string coach;
  // Stable across changes of the referral, e.g.
  // "wor-4f2c0a1b9d8e7f60-intake@welzijnoprecept".
  std::string uid;
  std::string summary;
  // Plain text, no personal data ("Verwijzing referrals/4f2c…").
  std::string description;
  // Empty when there is none.
  std::string location;
  // Timed entries: [start, end). All-day entries: `day`.
  bool all_day = false;
  absl::Time start;
  absl::Time end;
  absl::CivilDay day;
  // RFC 5545 SEQUENCE: grows when the referral changes.
  int64_t sequence = 0;

  friend bool operator==(const CalendarEntry&, const CalendarEntry&) = default;
};

// The entries of one referral, intake first, then reminders in the order of
// ReferralDeadlines. Rejected and cancelled referrals have none. `sequence`
// becomes every entry's SEQUENCE.
std::vector<CalendarEntry> CalendarEntriesForReferral(
    const std::string& referral_id, const wor::v1::Referral& referral,
    wor::server::config::CalendarPersonalData personal_data, int64_t sequence);

// The patient's initials in Dutch style: one letter per given name, then
// the family name's words with tussenvoegsels as written ("Jan" "de Vries"
// → "J.d.V."). Empty when the names are empty or the personal data was
// erased.
std::string PatientInitials(const wor::v1::Referral& referral);

// The coach id of `welfareOrganisations/{kvk_number}/coaches/{coach_id}`,
// or empty when `coach` is not such a name.
std::string CoachIdOf(const std::string& coach);

// The welfare organisation, `welfareOrganisations/{kvk_number}`, of a coach
// name; empty when `coach` is not such a name.
std::string CoachOrganisationOf(const std::string& coach);

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_CALENDAR_ENTRIES_H_
