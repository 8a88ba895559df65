#include "server/calendar/calendar_entries.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

using wor::server::config::CALENDAR_PERSONAL_DATA_NONE;
using wor::server::config::CalendarPersonalData;

constexpr absl::string_view kUidDomain = "@welzijnoprecept";
constexpr absl::string_view kCoachesSegment = "/coaches/";
constexpr absl::string_view kOrganisationPrefix = "welfareOrganisations/";
// An intake booked without an end is shown as one hour.
constexpr absl::Duration kDefaultIntakeLength = absl::Hours(1);
// The referral id as shown in a summary: enough to find it, short enough to
// read on a phone.
constexpr size_t kShortIdLength = 8;

// The first UTF-8 code point of `word` (its whole byte sequence).
absl::string_view FirstCodePoint(absl::string_view word) {
  if (word.empty()) return word;
  const unsigned char lead = static_cast<unsigned char>(word[0]);
  size_t length = 1;
  if (lead >= 0xF0) {
    length = 4;
  } else if (lead >= 0xE0) {
    length = 3;
  } else if (lead >= 0xC0) {
    length = 2;
  }
  if (length > word.size()) length = 1;
  return word.substr(0, length);
}

std::string InitialsOfWords(absl::string_view names) {
  std::string initials;
  for (absl::string_view word :
       absl::StrSplit(names, absl::ByAnyChar(" \t-"), absl::SkipEmpty())) {
    absl::StrAppend(&initials, FirstCodePoint(word), ".");
  }
  return initials;
}

std::string LocationName(wor::v1::IntakeLocation location) {
  switch (location) {
    case wor::v1::INTAKE_LOCATION_HOME:
      return "Thuis/huisbezoek";
    case wor::v1::INTAKE_LOCATION_NEIGHBOURHOOD_CENTRE:
      return "Buurthuis";
    case wor::v1::INTAKE_LOCATION_PRACTICE:
      return "Huisartsenpraktijk";
    case wor::v1::INTAKE_LOCATION_PHONE:
      return "Telefonisch";
    case wor::v1::INTAKE_LOCATION_VIDEO:
      return "Video";
    default:
      return "";
  }
}

// "Intake J.d.V. — verwijzing 4f2c0a1b", or without initials.
std::string Summary(absl::string_view what, absl::string_view initials,
                    absl::string_view referral_id) {
  const absl::string_view short_id = referral_id.substr(0, kShortIdLength);
  if (initials.empty()) {
    return absl::StrCat(what, " — verwijzing ", short_id);
  }
  return absl::StrCat(what, " ", initials, " — verwijzing ", short_id);
}

struct DeadlineLabel {
  const wor::v1::Deadline& (wor::v1::ReferralDeadlines::*get)() const;
  bool (wor::v1::ReferralDeadlines::*has)() const;
  absl::string_view uid_part;
  absl::string_view summary;
};

const DeadlineLabel kDeadlineLabels[] = {
    {&wor::v1::ReferralDeadlines::first_contact_target,
     &wor::v1::ReferralDeadlines::has_first_contact_target,
     "first-contact-target", "Streefdatum eerste contact"},
    {&wor::v1::ReferralDeadlines::first_contact_limit,
     &wor::v1::ReferralDeadlines::has_first_contact_limit,
     "first-contact-limit", "Deadline eerste contact"},
    {&wor::v1::ReferralDeadlines::intake,
     &wor::v1::ReferralDeadlines::has_intake, "intake", "Deadline intake"},
    {&wor::v1::ReferralDeadlines::trajectory_end,
     &wor::v1::ReferralDeadlines::has_trajectory_end, "trajectory-end",
     "Einde traject"},
    {&wor::v1::ReferralDeadlines::intake_feedback,
     &wor::v1::ReferralDeadlines::has_intake_feedback, "intake-feedback",
     "Terugkoppeling na intake"},
    {&wor::v1::ReferralDeadlines::closing_feedback,
     &wor::v1::ReferralDeadlines::has_closing_feedback, "closing-feedback",
     "Terugkoppeling na afsluiting"},
};

bool IsRunning(wor::v1::DeadlineStatus status) {
  return status == wor::v1::DEADLINE_STATUS_PENDING ||
         status == wor::v1::DEADLINE_STATUS_BREACHED;
}

bool HasEnded(wor::v1::ReferralState state) {
  return state == wor::v1::REFERRAL_STATE_REJECTED ||
         state == wor::v1::REFERRAL_STATE_CANCELLED;
}

void AddIntake(const std::string& referral_id,
               const wor::v1::Referral& referral, absl::string_view initials,
               int64_t sequence, std::vector<CalendarEntry>& entries) {
  const wor::v1::Intake& intake = referral.intake();
  if (intake.status() != wor::v1::APPOINTMENT_STATUS_BOOKED ||
      !intake.has_scheduled_time() || CoachIdOf(intake.coach()).empty()) {
    return;
  }
  CalendarEntry entry;
  entry.coach = intake.coach();
  entry.uid = absl::StrCat("wor-", referral_id, "-intake", kUidDomain);
  entry.summary = Summary("Intake", initials, referral_id);
  entry.description = absl::StrCat("Verwijzing referrals/", referral_id);
  entry.location = LocationName(intake.location());
  entry.start = FromTimestamp(intake.scheduled_time());
  entry.end = intake.has_end_time() ? FromTimestamp(intake.end_time())
                                    : entry.start + kDefaultIntakeLength;
  if (entry.end <= entry.start) entry.end = entry.start + kDefaultIntakeLength;
  entry.sequence = sequence;
  entries.push_back(std::move(entry));
}

void AddReminders(const std::string& referral_id,
                  const wor::v1::Referral& referral, absl::string_view initials,
                  int64_t sequence, std::vector<CalendarEntry>& entries) {
  if (CoachIdOf(referral.assigned_coach()).empty()) return;
  const wor::v1::ReferralDeadlines& deadlines = referral.deadlines();
  for (const DeadlineLabel& label : kDeadlineLabels) {
    if (!(deadlines.*label.has)()) continue;
    const wor::v1::Deadline& deadline = (deadlines.*label.get)();
    if (!IsRunning(deadline.status()) || !IsRealDate(deadline.due_date())) {
      continue;
    }
    CalendarEntry entry;
    entry.coach = referral.assigned_coach();
    entry.uid = absl::StrCat("wor-", referral_id, "-deadline-", label.uid_part,
                             kUidDomain);
    entry.summary = Summary(label.summary, initials, referral_id);
    entry.description = absl::StrCat("Verwijzing referrals/", referral_id);
    entry.all_day = true;
    entry.day = FromLocalDate(deadline.due_date());
    entry.sequence = sequence;
    entries.push_back(std::move(entry));
  }
}

}  // namespace

std::string PatientInitials(const wor::v1::Referral& referral) {
  if (referral.personal_data_erased()) return "";
  return absl::StrCat(InitialsOfWords(referral.patient().given_name()),
                      InitialsOfWords(referral.patient().family_name()));
}

std::string CoachIdOf(const std::string& coach) {
  if (CoachOrganisationOf(coach).empty()) return "";
  const size_t at = absl::string_view(coach).find(kCoachesSegment);
  return coach.substr(at + kCoachesSegment.size());
}

std::string CoachOrganisationOf(const std::string& coach) {
  if (!absl::StartsWith(coach, kOrganisationPrefix)) return "";
  const size_t at = absl::string_view(coach).find(kCoachesSegment);
  if (at == absl::string_view::npos || at == kOrganisationPrefix.size())
    return "";
  const absl::string_view id =
      absl::string_view(coach).substr(at + kCoachesSegment.size());
  if (id.empty() || id.find('/') != absl::string_view::npos) return "";
  const absl::string_view kvk = absl::string_view(coach).substr(
      kOrganisationPrefix.size(), at - kOrganisationPrefix.size());
  if (kvk.find('/') != absl::string_view::npos) return "";
  return coach.substr(0, at);
}

std::vector<CalendarEntry> CalendarEntriesForReferral(
    const std::string& referral_id, const wor::v1::Referral& referral,
    CalendarPersonalData personal_data, int64_t sequence) {
  std::vector<CalendarEntry> entries;
  if (HasEnded(referral.state())) return entries;
  const std::string initials = personal_data == CALENDAR_PERSONAL_DATA_NONE
                                   ? std::string()
                                   : PatientInitials(referral);
  AddIntake(referral_id, referral, initials, sequence, entries);
  AddReminders(referral_id, referral, initials, sequence, entries);
  return entries;
}

}  // namespace wor::server
