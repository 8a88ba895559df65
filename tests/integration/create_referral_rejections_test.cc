// Every bad input to CreateReferral is refused over real gRPC with the right
// code, a message naming the field and what is expected, no personal data
// in the message — and nothing stored.
#include <functional>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/time_conversion.h"
#include "tests/common/test_server.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct RejectionCase {
  std::string name;
  std::function<void(wor::v1::Referral&)> spoil;
  grpc::StatusCode code;
  std::string field;           // must appear in the message
  std::string also_mentioned;  // e.g. "POH-GGZ"; may be empty
};

void PrintTo(const RejectionCase& c, std::ostream* os) { *os << c.name; }

std::string PrintCase(const ::testing::TestParamInfo<RejectionCase>& info) {
  return info.param.name;
}

wor::v1::YesNo kYes = wor::v1::YES_NO_YES;
wor::v1::YesNo kNo = wor::v1::YES_NO_NO;

std::vector<RejectionCase> Cases() {
  using R = wor::v1::Referral;
  const auto INVALID = grpc::StatusCode::INVALID_ARGUMENT;
  const auto REFUSED = grpc::StatusCode::FAILED_PRECONDITION;
  return {
      {"PersonAgbOfSevenDigits",
       [](R& r) { r.mutable_referrer()->set_person_agb("0109999"); }, INVALID,
       "referral.referrer.person_agb", "8 digits"},
      {"PracticeAgbWithLetters",
       [](R& r) { r.mutable_referrer()->set_practice_agb("01O12345"); },
       INVALID, "referral.referrer.practice_agb", "8 digits"},
      {"PracticeWithoutAgreement",
       [](R& r) { r.mutable_referrer()->set_practice_agb("09999999"); },
       REFUSED, "referral.referrer.practice_agb", "agreement"},
      {"RoleNotSet", [](R& r) { r.mutable_referrer()->clear_role(); }, INVALID,
       "referral.referrer.role", "GP"},
      {"RoleOutOfRange",
       [](R& r) {
         r.mutable_referrer()->set_role(static_cast<wor::v1::ReferrerRole>(42));
       },
       INVALID, "referral.referrer.role", ""},
      {"EhrReferenceMissing",
       [](R& r) { r.mutable_patient()->clear_ehr_patient_reference(); },
       INVALID, "referral.patient.ehr_patient_reference", "required"},
      {"GivenNameMissing",
       [](R& r) { r.mutable_patient()->set_given_name("  "); }, INVALID,
       "referral.patient.given_name", "required"},
      {"FamilyNameTooLong",
       [](R& r) {
         r.mutable_patient()->set_family_name(std::string(101, 'x'));
       },
       INVALID, "referral.patient.family_name", "at most 100"},
      {"NameWithControlCharacter",
       [](R& r) { r.mutable_patient()->set_given_name("Jan\x07"); }, INVALID,
       "referral.patient.given_name", "control"},
      {"BirthDateMissing",
       [](R& r) { r.mutable_patient()->clear_birth_date(); }, INVALID,
       "referral.patient.birth_date", "required"},
      {"BirthDateNotARealDay",
       [](R& r) {
         r.mutable_patient()->mutable_birth_date()->set_month(2);
         r.mutable_patient()->mutable_birth_date()->set_day(30);
       },
       INVALID, "referral.patient.birth_date", "calendar date"},
      {"BirthDateInTheFuture",
       [](R& r) { r.mutable_patient()->mutable_birth_date()->set_year(2027); },
       INVALID, "referral.patient.birth_date", "future"},
      {"PatientUnder18",
       [](R& r) {
         auto* d = r.mutable_patient()->mutable_birth_date();
         d->set_year(2008);
         d->set_month(4);
         d->set_day(24);
       },
       REFUSED, "referral.patient.birth_date", "adults"},
      {"PhoneMalformed",
       [](R& r) { r.mutable_patient()->set_phone("call me maybe"); }, INVALID,
       "referral.patient.phone", "phone number"},
      {"NeitherPhoneNorEmail",
       [](R& r) {
         r.mutable_patient()->clear_phone();
         r.mutable_patient()->clear_email();
       },
       INVALID, "referral.patient.phone", "e-mail"},
      {"EmailMalformed",
       [](R& r) { r.mutable_patient()->set_email("jan@@example"); }, INVALID,
       "referral.patient.email", "e-mail address"},
      {"PostalCodeMalformed",
       [](R& r) {
         r.mutable_patient()->mutable_address()->set_postal_code("ABCD 12");
       },
       INVALID, "referral.patient.address.postal_code", "1234 AB"},
      {"ContactTimeUnspecified",
       [](R& r) {
         r.mutable_patient()->add_preferred_contact_times(
             wor::v1::CONTACT_TIME_UNSPECIFIED);
       },
       INVALID, "referral.patient.preferred_contact_times[1]", ""},
      {"LanguageNotATag",
       [](R& r) { r.mutable_patient()->set_language("Nederlands!"); }, INVALID,
       "referral.patient.language", "language tag"},
      {"BsnFailsElevenCheck",
       [](R& r) { r.mutable_patient()->set_bsn("123456789"); }, INVALID,
       "referral.patient.bsn", "11-check"},
      {"BsnOfEightDigits",
       [](R& r) { r.mutable_patient()->set_bsn("12345678"); }, INVALID,
       "referral.patient.bsn", "9 digits"},
      {"NoIndicator", [](R& r) { r.clear_indicators(); }, INVALID,
       "referral.indicators", "at least one"},
      {"IndicatorUnspecified",
       [](R& r) { r.add_indicators(wor::v1::INDICATOR_UNSPECIFIED); }, INVALID,
       "referral.indicators[2]", ""},
      {"IndicatorRepeated",
       [](R& r) { r.add_indicators(wor::v1::INDICATOR_LONELINESS); }, INVALID,
       "referral.indicators[2]", "repeats"},
      {"ContraIndicationUnanswered",
       [](R& r) { r.mutable_contra_indications()->clear_serious_drug_use(); },
       INVALID, "referral.contra_indications.serious_drug_use", "YES or NO"},
      {"ContraExtensiveCareTrajectory",
       [](R& r) {
         r.mutable_contra_indications()->set_extensive_care_trajectory(kYes);
       },
       REFUSED, "referral.contra_indications.extensive_care_trajectory",
       "POH-GGZ"},
      {"ContraChronicPsychiatricIllness",
       [](R& r) {
         r.mutable_contra_indications()->set_chronic_psychiatric_illness(kYes);
       },
       REFUSED, "referral.contra_indications.chronic_psychiatric_illness",
       "POH-GGZ"},
      {"ContraIntellectualDisability",
       [](R& r) {
         r.mutable_contra_indications()
             ->set_intellectual_disability_intensive_support(kYes);
       },
       REFUSED,
       "referral.contra_indications.intellectual_disability_intensive_support",
       "POH-GGZ"},
      {"ContraSeriousDrugUse",
       [](R& r) { r.mutable_contra_indications()->set_serious_drug_use(kYes); },
       REFUSED, "referral.contra_indications.serious_drug_use", "POH-GGZ"},
      {"ContraSeriousPersonalityDisorder",
       [](R& r) {
         r.mutable_contra_indications()->set_serious_personality_disorder(kYes);
       },
       REFUSED, "referral.contra_indications.serious_personality_disorder",
       "POH-GGZ"},
      {"ConversationCheckUnanswered",
       [](R& r) { r.mutable_conversation()->clear_patient_motivated(); },
       INVALID, "referral.conversation.patient_motivated", "YES or NO"},
      {"PatientNotMotivated",
       [](R& r) { r.mutable_conversation()->set_patient_motivated(kNo); },
       REFUSED, "referral.conversation.patient_motivated", "motivated"},
      {"ProblemsDoNotFit",
       [](R& r) { r.mutable_conversation()->set_problems_fit_profile(kNo); },
       REFUSED, "referral.conversation.problems_fit_profile", "POH-GGZ"},
      {"PatientQuestionMissing", [](R& r) { r.clear_patient_question(); },
       INVALID, "referral.patient_question", "required"},
      {"PatientQuestionTooLong",
       [](R& r) { r.set_patient_question(std::string(2001, 'a')); }, INVALID,
       "referral.patient_question", "at most 2000"},
      {"RouteNotSet", [](R& r) { r.clear_route(); }, INVALID, "referral.route",
       "EHR_PLUGIN"},
      {"ConsentWithoutShareWithCoach",
       [](R& r) {
         r.mutable_consent()->clear_scopes();
         r.mutable_consent()->add_scopes(wor::v1::CONSENT_SCOPE_RESEARCH);
       },
       REFUSED, "referral.consent.scopes", "SHARE_WITH_COACH"},
      {"ConsentScopeUnspecified",
       [](R& r) {
         r.mutable_consent()->add_scopes(wor::v1::CONSENT_SCOPE_UNSPECIFIED);
       },
       INVALID, "referral.consent.scopes[2]", ""},
      {"ConsentObtainerAgbMissing",
       [](R& r) { r.mutable_consent()->clear_obtained_by_agb(); }, INVALID,
       "referral.consent.obtained_by_agb", "AGB"},
      {"ConsentTimeMissing",
       [](R& r) { r.mutable_consent()->clear_obtain_time(); }, INVALID,
       "referral.consent.obtain_time", "required"},
      {"ConsentTimeInTheFuture",
       [](R& r) {
         *r.mutable_consent()->mutable_obtain_time() =
             ToTimestamp(TestInstant("2026-04-24T08:00:00Z"));
       },
       INVALID, "referral.consent.obtain_time", "future"},
      {"ConsentMethodNotSet", [](R& r) { r.mutable_consent()->clear_method(); },
       INVALID, "referral.consent.method", "VERBAL"},
  };
}

class CreateReferralRejectionTest
    : public ::testing::TestWithParam<RejectionCase> {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer* server_;
};
TestServer* CreateReferralRejectionTest::server_ = nullptr;

TEST_P(CreateReferralRejectionTest, IsRefusedNamingTheFieldAndStoresNothing) {
  const RejectionCase& c = GetParam();
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  c.spoil(*request.mutable_referral());
  request.set_request_id(absl::StrCat("reject-", c.name));

  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      server_->referrals().CreateReferral(&context, request, &response);

  EXPECT_EQ(status.error_code(), c.code) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr(c.field));
  if (!c.also_mentioned.empty()) {
    EXPECT_THAT(status.error_message(), HasSubstr(c.also_mentioned));
  }
  // No personal data of the request comes back in the message.
  for (const char* personal : {"Jan", "Vries", "98765432", "voorbeeld.nl",
                               "Hoofdstraat", "overleed"}) {
    EXPECT_THAT(status.error_message(), Not(HasSubstr(personal)));
  }
  // Nothing stored: no referral, no outbox event.
  auto referrals = server_->server().store().ListReferrals({}, 0, 10);
  ASSERT_TRUE(referrals.ok());
  EXPECT_TRUE(referrals->empty());
  auto events = server_->server().store().ReadEvents({}, 0, 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
}

INSTANTIATE_TEST_SUITE_P(EveryBadInput, CreateReferralRejectionTest,
                         ::testing::ValuesIn(Cases()), PrintCase);

TEST(CreateReferralRejection,
     ValidReferralIsAcceptedSoTheCasesAboveTestOneFieldEach) {
  TestServer server;
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  request.set_request_id("valid-1");
  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      server.referrals().CreateReferral(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST(CreateReferralRejection, MissingRequestIdIsRefused) {
  TestServer server;
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      server.referrals().CreateReferral(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("request_id"));
}

TEST(CreateReferralRejection, RequestIdLongerThan64IsRefused) {
  TestServer server;
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  request.set_request_id(std::string(65, 'a'));
  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      server.referrals().CreateReferral(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("at most 64"));
}

TEST(CreateReferralRejection,
     OversizedMessageIsRefusedBeforeItReachesTheServer) {
  TestServer server;
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  request.mutable_referral()->set_patient_question(std::string(70000, 'a'));
  request.set_request_id("too-big");
  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      server.referrals().CreateReferral(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  auto events = server.server().store().ReadEvents({}, 0, 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
}

TEST(CreateReferralRejection, MissingReferralIsRefused) {
  TestServer server;
  wor::v1::CreateReferralRequest request;
  request.set_request_id("empty");
  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      server.referrals().CreateReferral(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("referral"));
}

}  // namespace
}  // namespace wor::server
