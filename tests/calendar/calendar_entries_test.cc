// What a referral puts in its coaches' calendars, and what it never does.
#include "server/calendar/calendar_entries.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/calendar/icalendar_writer.h"
#include "tests/calendar/calendar_test_referrals.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using wor::server::config::CALENDAR_PERSONAL_DATA_INITIALS;
using wor::server::config::CALENDAR_PERSONAL_DATA_NONE;
using wor::server::config::CALENDAR_PERSONAL_DATA_UNSPECIFIED;

constexpr char kId[] = "4f2c0a1b9d8e7f60";

std::vector<CalendarEntry> EntriesOf(
    const wor::v1::Referral& referral,
    wor::server::config::CalendarPersonalData data =
        CALENDAR_PERSONAL_DATA_INITIALS) {
  return CalendarEntriesForReferral(kId, referral, data, 7);
}

TEST(CalendarEntries, ABookedIntakeIsATimedEntryOnTheIntakeCoachsCalendar) {
  std::vector<CalendarEntry> entries = EntriesOf(TestReferral(kId));
  ASSERT_FALSE(entries.empty());
  const CalendarEntry& intake = entries[0];
  EXPECT_EQ(intake.coach, kCoachAnna);
  EXPECT_EQ(intake.uid, "wor-4f2c0a1b9d8e7f60-intake@welzijnoprecept");
  EXPECT_EQ(intake.summary, "Intake J.d.V. — verwijzing 4f2c0a1b");
  EXPECT_EQ(intake.location, "Buurthuis");
  EXPECT_FALSE(intake.all_day);
  EXPECT_EQ(intake.start,
            AmsterdamTime(absl::CivilSecond(2026, 11, 24, 10, 0, 0)));
  EXPECT_EQ(intake.end,
            AmsterdamTime(absl::CivilSecond(2026, 11, 24, 11, 0, 0)));
  EXPECT_EQ(intake.sequence, 7);
}

TEST(CalendarEntries, OnlyRunningDeadlinesBecomeAllDayReminders) {
  wor::v1::Referral referral = TestReferral(kId);
  wor::v1::Deadline* intake_deadline =
      referral.mutable_deadlines()->mutable_intake();
  *intake_deadline->mutable_due_date() =
      ToLocalDate(absl::CivilDay(2026, 12, 7));
  intake_deadline->set_status(wor::v1::DEADLINE_STATUS_BREACHED);
  wor::v1::Deadline* paused =
      referral.mutable_deadlines()->mutable_trajectory_end();
  *paused->mutable_due_date() = ToLocalDate(absl::CivilDay(2027, 3, 1));
  paused->set_status(wor::v1::DEADLINE_STATUS_PAUSED);

  std::vector<CalendarEntry> entries = EntriesOf(referral);
  ASSERT_EQ(entries.size(), 3u);  // intake, contact limit, intake deadline
  EXPECT_EQ(
      entries[1].uid,
      "wor-4f2c0a1b9d8e7f60-deadline-first-contact-limit@welzijnoprecept");
  EXPECT_EQ(entries[1].summary,
            "Deadline eerste contact J.d.V. — verwijzing 4f2c0a1b");
  EXPECT_TRUE(entries[1].all_day);
  EXPECT_EQ(entries[1].day, absl::CivilDay(2026, 11, 27));
  EXPECT_EQ(entries[1].coach, kCoachAnna);
  EXPECT_EQ(entries[2].uid,
            "wor-4f2c0a1b9d8e7f60-deadline-intake@welzijnoprecept");
  EXPECT_EQ(entries[2].day, absl::CivilDay(2026, 12, 7));
}

TEST(CalendarEntries, RemindersGoToTheAssignedCoachAndTheIntakeToItsCoach) {
  wor::v1::Referral referral = TestReferral(kId);
  referral.set_assigned_coach(kCoachBram);
  std::vector<CalendarEntry> entries = EntriesOf(referral);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].coach, kCoachAnna);
  EXPECT_EQ(entries[1].coach, kCoachBram);
}

TEST(CalendarEntries, ACancelledOrHeldIntakeIsNotInTheCalendar) {
  for (wor::v1::AppointmentStatus status :
       {wor::v1::APPOINTMENT_STATUS_CANCELLED,
        wor::v1::APPOINTMENT_STATUS_FULFILLED,
        wor::v1::APPOINTMENT_STATUS_NOSHOW}) {
    wor::v1::Referral referral = TestReferral(kId);
    referral.mutable_intake()->set_status(status);
    EXPECT_THAT(EntriesOf(referral),
                ElementsAre(Field(&CalendarEntry::all_day, true)))
        << status;
  }
}

TEST(CalendarEntries, WithoutACoachNothingIsShown) {
  wor::v1::Referral referral = TestReferral(kId);
  referral.clear_assigned_coach();
  referral.mutable_intake()->clear_coach();
  EXPECT_THAT(EntriesOf(referral), IsEmpty());
}

TEST(CalendarEntries, ARejectedOrCancelledReferralHasNoEntries) {
  wor::v1::Referral referral = TestReferral(kId);
  referral.set_state(wor::v1::REFERRAL_STATE_CANCELLED);
  EXPECT_THAT(EntriesOf(referral), IsEmpty());
  referral.set_state(wor::v1::REFERRAL_STATE_REJECTED);
  EXPECT_THAT(EntriesOf(referral), IsEmpty());
}

TEST(CalendarEntries, PersonalDataNoneShowsTheReferralIdOnly) {
  std::vector<CalendarEntry> entries =
      EntriesOf(TestReferral(kId), CALENDAR_PERSONAL_DATA_NONE);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].summary, "Intake — verwijzing 4f2c0a1b");
  EXPECT_EQ(entries[1].summary,
            "Deadline eerste contact — verwijzing 4f2c0a1b");
}

TEST(CalendarEntries, TheDefaultSettingShowsInitials) {
  std::vector<CalendarEntry> entries =
      EntriesOf(TestReferral(kId), CALENDAR_PERSONAL_DATA_UNSPECIFIED);
  ASSERT_FALSE(entries.empty());
  EXPECT_THAT(entries[0].summary, HasSubstr("J.d.V."));
}

TEST(CalendarEntries, AnErasedPatientHasNoInitials) {
  wor::v1::Referral referral = TestReferral(kId);
  referral.set_personal_data_erased(true);
  std::vector<CalendarEntry> entries = EntriesOf(referral);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].summary, "Intake — verwijzing 4f2c0a1b");
}

TEST(CalendarEntries, InitialsFollowDutchNames) {
  wor::v1::Referral referral;
  referral.mutable_patient()->set_given_name("Anna Maria");
  referral.mutable_patient()->set_family_name("van der Berg");
  EXPECT_EQ(PatientInitials(referral), "A.M.v.d.B.");
  referral.mutable_patient()->set_given_name("Émile");
  referral.mutable_patient()->set_family_name("Özdemir");
  EXPECT_EQ(PatientInitials(referral), "É.Ö.");
  referral.mutable_patient()->clear_given_name();
  referral.mutable_patient()->clear_family_name();
  EXPECT_EQ(PatientInitials(referral), "");
}

TEST(CalendarEntries,
     TheCalendarTextCarriesInitialsAndIdButNoOtherPersonalData) {
  const std::string ics =
      WriteICalendar(EntriesOf(TestReferral(kId)), absl::UnixEpoch(), [] {
        absl::TimeZone zone;
        absl::LoadTimeZone("Europe/Amsterdam", &zone);
        return zone;
      }());
  EXPECT_THAT(ics, HasSubstr("J.d.V."));
  EXPECT_THAT(ics, HasSubstr(kId));
  for (const std::string& secret : SecretsOfTestReferral()) {
    EXPECT_THAT(ics, Not(HasSubstr(secret))) << secret;
  }
}

TEST(CalendarEntries, CoachNamesAreParsedStrictly) {
  EXPECT_EQ(CoachIdOf(kCoachAnna), "anna");
  EXPECT_EQ(CoachOrganisationOf(kCoachAnna), "welfareOrganisations/41234567");
  EXPECT_EQ(CoachIdOf("welfareOrganisations/41234567/coaches/"), "");
  EXPECT_EQ(CoachIdOf("welfareOrganisations/41234567/coaches/a/b"), "");
  EXPECT_EQ(CoachIdOf("practices/01012345/coaches/anna"), "");
  EXPECT_EQ(CoachIdOf(""), "");
}

}  // namespace
}  // namespace wor::server
