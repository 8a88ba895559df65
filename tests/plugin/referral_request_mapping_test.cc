// The form → CreateReferralRequest mapping against the server's real form
// (server/domain/referral_form.cc), so a question the plugin cannot map
// fails here.
#include "plugin/referral_request_mapping.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/referral_form.h"

namespace wor::plugin {
namespace {

FieldValues CompleteAnswers() {
  return {
      {"referrer.person_agb", "01234567"},
      {"referrer.practice_agb", "01012345"},
      {"referrer.role", "REFERRER_ROLE_GP"},
      {"referrer.display_name", "Dr. A. Jansen"},
      {"patient.given_name", "Sanne"},
      {"patient.family_name", "de Boer"},
      {"patient.birth_date", "1980-04-12"},
      {"patient.phone", "0612345678"},
      {"patient.email", ""},
      {"patient.address.street", "Hoofdstraat"},
      {"patient.address.house_number", "12"},
      {"patient.address.postal_code", "7941 AB"},
      {"patient.address.city", "Meppel"},
      {"patient.preferred_contact_times", "CONTACT_TIME_MORNING"},
      {"patient.preferred_contact_times", "CONTACT_TIME_EVENING"},
      {"indicators", "INDICATOR_LONELINESS"},
      {"indicators", "INDICATOR_SLEEP_PROBLEMS"},
      {"contra_indications.extensive_care_trajectory", "YES_NO_NO"},
      {"contra_indications.serious_drug_use", "YES_NO_YES"},
      {"conversation.patient_motivated", "YES_NO_YES"},
      {"patient_question", "Wil graag meer onder de mensen komen."},
      {"route", "REFERRAL_ROUTE_ZORGDOMEIN"},  // the plugin decides the route
      {"consent.scopes", "CONSENT_SCOPE_SHARE_WITH_COACH"},
      {"consent.method", "CONSENT_METHOD_VERBAL"},
      {"consent.obtained_by_agb", "01234567"},
      {"form_nonce", "nonce-1"},
  };
}

ReferralContext Context() {
  return {.ehr_patient_reference = "pat-1",
          .consent_time = absl::FromUnixSeconds(1790000000),
          .form_nonce = "nonce-1"};
}

TEST(ReferralRequestMapping, FillsEveryAnsweredQuestionOfTheServersForm) {
  absl::StatusOr<wor::v1::CreateReferralRequest> request =
      BuildCreateReferralRequest(server::TheReferralForm(), CompleteAnswers(),
                                 Context());
  ASSERT_TRUE(request.ok()) << request.status();
  const wor::v1::Referral& r = request->referral();
  EXPECT_EQ(r.referrer().person_agb(), "01234567");
  EXPECT_EQ(r.referrer().role(), wor::v1::REFERRER_ROLE_GP);
  EXPECT_EQ(r.patient().given_name(), "Sanne");
  EXPECT_EQ(r.patient().family_name(), "de Boer");
  EXPECT_EQ(r.patient().birth_date().year(), 1980);
  EXPECT_EQ(r.patient().birth_date().month(), 4);
  EXPECT_EQ(r.patient().birth_date().day(), 12);
  EXPECT_EQ(r.patient().address().postal_code(), "7941 AB");
  EXPECT_EQ(r.patient().preferred_contact_times_size(), 2);
  EXPECT_EQ(r.patient().email(), "");
  ASSERT_EQ(r.indicators_size(), 2);
  EXPECT_EQ(r.indicators(1), wor::v1::INDICATOR_SLEEP_PROBLEMS);
  EXPECT_EQ(r.contra_indications().serious_drug_use(), wor::v1::YES_NO_YES);
  EXPECT_EQ(r.contra_indications().extensive_care_trajectory(),
            wor::v1::YES_NO_NO);
  // Unanswered stays unset: the server, not the plugin, says it is missing.
  EXPECT_EQ(r.contra_indications().chronic_psychiatric_illness(),
            wor::v1::YES_NO_UNSPECIFIED);
  EXPECT_EQ(r.patient_question(), "Wil graag meer onder de mensen komen.");
  EXPECT_EQ(r.consent().scopes_size(), 1);
  EXPECT_EQ(r.consent().method(), wor::v1::CONSENT_METHOD_VERBAL);
}

TEST(ReferralRequestMapping,
     TheLaunchFillsRoutePatientReferenceAndConsentTime) {
  absl::StatusOr<wor::v1::CreateReferralRequest> request =
      BuildCreateReferralRequest(server::TheReferralForm(), CompleteAnswers(),
                                 Context());
  ASSERT_TRUE(request.ok());
  EXPECT_EQ(request->referral().route(), wor::v1::REFERRAL_ROUTE_EHR_PLUGIN);
  EXPECT_EQ(request->referral().patient().ehr_patient_reference(), "pat-1");
  EXPECT_EQ(request->referral().consent().obtain_time().seconds(), 1790000000);
}

TEST(ReferralRequestMapping, TheSameFormNonceGivesTheSameRequest) {
  auto a = BuildCreateReferralRequest(server::TheReferralForm(),
                                      CompleteAnswers(), Context());
  auto b = BuildCreateReferralRequest(server::TheReferralForm(),
                                      CompleteAnswers(), Context());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->request_id(), b->request_id());
  EXPECT_EQ(a->SerializeAsString(), b->SerializeAsString());
  EXPECT_LE(a->request_id().size(), 64u);
  ReferralContext other = Context();
  other.form_nonce = "nonce-2";
  auto c = BuildCreateReferralRequest(server::TheReferralForm(),
                                      CompleteAnswers(), other);
  EXPECT_NE(a->request_id(), c->request_id());
}

TEST(ReferralRequestMapping, UnreadableAnswersAreLeftForTheServerToRefuse) {
  FieldValues answers = {{"patient.birth_date", "12-04-1980x"},
                         {"referrer.role", "REFERRER_ROLE_SURGEON"},
                         {"indicators", "INDICATOR_NONSENSE"}};
  auto request =
      BuildCreateReferralRequest(server::TheReferralForm(), answers, Context());
  ASSERT_TRUE(request.ok());
  EXPECT_FALSE(request->referral().patient().has_birth_date());
  EXPECT_EQ(request->referral().referrer().role(),
            wor::v1::REFERRER_ROLE_UNSPECIFIED);
  EXPECT_EQ(request->referral().indicators_size(), 0);
}

TEST(ReferralRequestMapping, AFormFieldUnknownToThePluginIsAnInternalError) {
  wor::v1::ReferralForm form;
  auto* q = form.add_sections()->add_questions();
  q->set_field("patient.shoe_size");
  q->set_kind(wor::v1::QUESTION_KIND_TEXT);
  auto request = BuildCreateReferralRequest(form, {{"patient.shoe_size", "43"}},
                                            Context());
  EXPECT_EQ(request.status().code(), absl::StatusCode::kInternal);
}

TEST(FieldErrorFromStatus, NamesTheFormFieldOfTheServersMessage) {
  FieldError e = FieldErrorFromStatus(absl::InvalidArgumentError(
      "referral.patient.phone: expected a Dutch phone number"));
  EXPECT_EQ(e.field, "patient.phone");
  EXPECT_EQ(e.message, "expected a Dutch phone number");
  EXPECT_FALSE(e.refusal);
  FieldError indexed = FieldErrorFromStatus(absl::InvalidArgumentError(
      "referral.indicators[1]: repeats an indicator already given"));
  EXPECT_EQ(indexed.field, "indicators");
  FieldError refusal = FieldErrorFromStatus(absl::FailedPreconditionError(
      "referral.contra_indications.serious_drug_use: answered YES, so the "
      "referral is refused."));
  EXPECT_EQ(refusal.field, "contra_indications.serious_drug_use");
  EXPECT_TRUE(refusal.refusal);
  FieldError general = FieldErrorFromStatus(
      absl::AlreadyExistsError("request_id: already used"));
  EXPECT_EQ(general.field, "");
  EXPECT_EQ(general.message, "request_id: already used");
}

}  // namespace
}  // namespace wor::plugin
