// Referral snapshots for the calendar tests, full of personal data so that
// every test also checks none of it leaks into a calendar.
#ifndef WOR_TESTS_CALENDAR_CALENDAR_TEST_REFERRALS_H_
#define WOR_TESTS_CALENDAR_CALENDAR_TEST_REFERRALS_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/time_conversion.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

inline constexpr char kCoachAnna[] =
    "welfareOrganisations/41234567/coaches/anna";
inline constexpr char kCoachBram[] =
    "welfareOrganisations/41234567/coaches/bram";

// The personal data a calendar must never show.
inline std::vector<std::string> SecretsOfTestReferral() {
  return {"Jan",
          "Vries",
          "0612345678",
          "jan@example.nl",
          "Ik voel me eenzaam sinds mijn vrouw overleed",
          "111222333",
          "1950",
          "Dorpsstraat",
          "Meppel",
          "EHR-PATIENT-77",
          "LONELINESS"};
}

inline absl::Time AmsterdamTime(absl::CivilSecond local) {
  absl::TimeZone zone;
  absl::LoadTimeZone("Europe/Amsterdam", &zone);
  return absl::FromCivil(local, zone);
}

// A referral of Jan de Vries, assigned to Anna, intake booked with Anna on
// Tuesday 24 November 2026 10:00–11:00 at the neighbourhood centre, first
// contact limit running (due Friday 27 November 2026).
inline wor::v1::Referral TestReferral(const std::string& id) {
  wor::v1::Referral r;
  r.set_name(absl::StrCat("referrals/", id));
  r.set_welfare_organisation("welfareOrganisations/41234567");
  r.set_state(wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
  r.set_patient_pseudonym(absl::StrCat("pseudonym-", id));
  r.mutable_referrer()->set_practice_agb("01012345");
  wor::v1::Patient* p = r.mutable_patient();
  p->set_ehr_patient_reference("EHR-PATIENT-77");
  p->set_given_name("Jan");
  p->set_family_name("de Vries");
  p->set_phone("0612345678");
  p->set_email("jan@example.nl");
  p->set_bsn("111222333");
  p->mutable_birth_date()->set_year(1950);
  p->mutable_birth_date()->set_month(3);
  p->mutable_birth_date()->set_day(14);
  p->mutable_address()->set_street("Dorpsstraat");
  p->mutable_address()->set_city("Meppel");
  r.set_patient_question("Ik voel me eenzaam sinds mijn vrouw overleed");
  r.add_indicators(wor::v1::INDICATOR_LONELINESS);
  r.mutable_consent()->add_scopes(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH);
  r.set_assigned_coach(kCoachAnna);
  wor::v1::Intake* intake = r.mutable_intake();
  intake->set_coach(kCoachAnna);
  intake->set_status(wor::v1::APPOINTMENT_STATUS_BOOKED);
  intake->set_location(wor::v1::INTAKE_LOCATION_NEIGHBOURHOOD_CENTRE);
  *intake->mutable_scheduled_time() =
      ToTimestamp(AmsterdamTime(absl::CivilSecond(2026, 11, 24, 10, 0, 0)));
  *intake->mutable_end_time() =
      ToTimestamp(AmsterdamTime(absl::CivilSecond(2026, 11, 24, 11, 0, 0)));
  wor::v1::Deadline* limit =
      r.mutable_deadlines()->mutable_first_contact_limit();
  *limit->mutable_due_date() = ToLocalDate(absl::CivilDay(2026, 11, 27));
  limit->set_status(wor::v1::DEADLINE_STATUS_PENDING);
  wor::v1::Deadline* target =
      r.mutable_deadlines()->mutable_first_contact_target();
  *target->mutable_due_date() = ToLocalDate(absl::CivilDay(2026, 11, 25));
  target->set_status(wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  return r;
}

}  // namespace wor::server

#endif  // WOR_TESTS_CALENDAR_CALENDAR_TEST_REFERRALS_H_
