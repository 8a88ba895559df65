// ConsentService end to end: recording and revoking scopes, revocation acting
// on the very next call and on the event stream, the receipt, and audit.
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/privacy/privacy_test_helpers.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

grpc::Status Revoke(TestServer& server, const TestIdentity& who,
                    const std::string& referral,
                    std::vector<wor::v1::ConsentScope> scopes,
                    const std::string& request_id,
                    wor::v1::ConsentRecord* out = nullptr) {
  auto stub = StubAs<wor::v1::ConsentService>(server, who);
  wor::v1::RevokeConsentRequest request;
  request.set_referral(referral);
  for (auto scope : scopes) request.add_scopes(scope);
  request.set_all(scopes.empty());
  request.set_method(wor::v1::CONSENT_METHOD_VERBAL);
  request.set_request_id(request_id);
  grpc::ClientContext context;
  wor::v1::RevokeConsentResponse response;
  grpc::Status status = stub->RevokeConsent(&context, request, &response);
  if (out != nullptr) *out = response.consent();
  return status;
}

TEST(Consent,
     RevokingShareWithCoachHidesContactDetailsFromTheCoachOnTheNextCall) {
  TestServer server;
  const std::string name = CreateAsGp(server, ValidReferral(), "c1").name();
  wor::v1::Referral seen;
  ASSERT_TRUE(GetAs(server, CoachOf(), name, &seen).ok());
  EXPECT_EQ(seen.patient().phone(), "06 98765432");

  wor::v1::ConsentRecord consent;
  ASSERT_TRUE(Revoke(server, GpOfPractice(), name,
                     {wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH}, "c1-r",
                     &consent)
                  .ok());
  EXPECT_THAT(
      consent.scopes(),
      Not(::testing::Contains(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH)));
  ASSERT_EQ(consent.history_size(), 2);
  EXPECT_EQ(consent.history(1).action(), wor::v1::CONSENT_ACTION_REVOKED);
  EXPECT_EQ(consent.history(1).recorded_by(), "gp-01012345");

  ASSERT_TRUE(GetAs(server, CoachOf(), name, &seen).ok());
  EXPECT_FALSE(seen.has_patient());
  EXPECT_TRUE(seen.patient_question().empty());
  EXPECT_EQ(seen.state(), wor::v1::REFERRAL_STATE_REQUESTED);  // still visible
  // The GP, who holds the record anyway, still sees the details.
  ASSERT_TRUE(GetAs(server, GpOfPractice(), name, &seen).ok());
  EXPECT_EQ(seen.patient().phone(), "06 98765432");
}

TEST(Consent, WithoutFeedbackToReferrerTheGpSeesOnlyThatFeedbackExists) {
  TestServer server;
  const std::string name = CreateAsGp(server, ValidReferral(), "c2").name();
  auto coach_referrals = StubAs<wor::v1::ReferralService>(server, CoachOf());
  {
    wor::v1::AcceptReferralRequest accept;
    accept.set_name(name);
    accept.set_request_id("c2-a");
    grpc::ClientContext context;
    wor::v1::AcceptReferralResponse response;
    ASSERT_TRUE(
        coach_referrals->AcceptReferral(&context, accept, &response).ok());
  }
  auto coach_feedback = StubAs<wor::v1::FeedbackService>(server, CoachOf());
  {
    wor::v1::SendFeedbackRequest send;
    send.set_parent(name);
    send.mutable_feedback()->set_kind(wor::v1::FEEDBACK_KIND_INTERIM);
    send.mutable_feedback()->set_summary("Meneer gaat naar het Repair Café.");
    send.set_request_id("c2-f");
    grpc::ClientContext context;
    wor::v1::SendFeedbackResponse response;
    ASSERT_TRUE(coach_feedback->SendFeedback(&context, send, &response).ok());
  }
  auto gp_feedback = StubAs<wor::v1::FeedbackService>(server, GpOfPractice());
  auto list = [&] {
    wor::v1::ListFeedbackRequest request;
    request.set_parent(name);
    grpc::ClientContext context;
    wor::v1::ListFeedbackResponse response;
    EXPECT_TRUE(gp_feedback->ListFeedback(&context, request, &response).ok());
    return response;
  };
  wor::v1::ListFeedbackResponse before = list();
  ASSERT_EQ(before.feedback_size(), 1);
  EXPECT_EQ(before.feedback(0).summary(), "Meneer gaat naar het Repair Café.");

  ASSERT_TRUE(Revoke(server, GpOfPractice(), name,
                     {wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER}, "c2-r")
                  .ok());
  wor::v1::ListFeedbackResponse after = list();
  ASSERT_EQ(after.feedback_size(), 1);
  EXPECT_TRUE(after.feedback(0).summary().empty());
  EXPECT_TRUE(after.feedback(0).content_withheld());
  EXPECT_EQ(after.feedback(0).kind(), wor::v1::FEEDBACK_KIND_INTERIM);
  EXPECT_TRUE(after.feedback(0).has_send_time());
}

TEST(Consent, ARevocationIsAnEventOnTheStreamAndLaterEventsHideTheDetails) {
  TestServer server;
  const std::string name = CreateAsGp(server, ValidReferral(), "c3").name();
  ASSERT_TRUE(Revoke(server, CoachOf(), name,
                     {wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH}, "c3-r")
                  .ok());
  auto coach = StubAs<wor::v1::ReferralService>(server, CoachOf());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(5));
  auto stream =
      coach->WatchReferrals(&context, wor::v1::WatchReferralsRequest());
  std::vector<wor::v1::ReferralEvent> events;
  wor::v1::WatchReferralsResponse message;
  while (events.size() < 2 && stream->Read(&message))
    events.push_back(message.event());
  context.TryCancel();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), wor::v1::REFERRAL_EVENT_TYPE_CREATED);
  EXPECT_EQ(events[1].type(), wor::v1::REFERRAL_EVENT_TYPE_CONSENT_CHANGED);
  // Even the creation event, read after the revocation, carries no details.
  EXPECT_FALSE(events[0].referral().has_patient());
  EXPECT_FALSE(events[1].referral().has_patient());
}

TEST(Consent, RecordingAScopeLaterAndTheReceiptInDutchAndEnglish) {
  TestServer server;
  wor::v1::Referral input = ValidReferral();
  input.mutable_consent()->clear_scopes();
  input.mutable_consent()->add_scopes(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH);
  const std::string name = CreateAsGp(server, input, "c4").name();
  auto consent = StubAs<wor::v1::ConsentService>(server, GpOfPractice());
  wor::v1::RecordConsentRequest record;
  record.set_referral(name);
  record.add_scopes(wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
  record.set_obtained_by_agb("01099999");
  record.set_method(wor::v1::CONSENT_METHOD_WRITTEN);
  record.set_text_version("2026-01");
  record.set_request_id("c4-g");
  {
    grpc::ClientContext context;
    wor::v1::RecordConsentResponse response;
    grpc::Status status = consent->RecordConsent(&context, record, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_THAT(
        response.consent().scopes(),
        ::testing::Contains(wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED));
  }
  for (const char* language : {"nl", "en"}) {
    wor::v1::GetConsentReceiptRequest request;
    request.set_referral(name);
    request.set_language(language);
    grpc::ClientContext context;
    wor::v1::GetConsentReceiptResponse response;
    ASSERT_TRUE(consent->GetConsentReceipt(&context, request, &response).ok());
    if (std::string(language) == "nl") {
      EXPECT_THAT(response.text(), HasSubstr("Bewijs van toestemming"));
      EXPECT_THAT(response.text(), HasSubstr("schriftelijk"));
      EXPECT_THAT(response.text(), HasSubstr("intrekken"));
    } else {
      EXPECT_THAT(response.text(), HasSubstr("Consent receipt"));
      EXPECT_THAT(response.text(), HasSubstr("in writing"));
    }
    // The receipt names no patient details.
    EXPECT_THAT(response.text(), Not(HasSubstr("Vries")));
  }
  // Bad input is refused naming the field.
  record.set_obtained_by_agb("12");
  record.set_request_id("c4-bad");
  grpc::ClientContext context;
  wor::v1::RecordConsentResponse response;
  grpc::Status bad = consent->RecordConsent(&context, record, &response);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(bad.error_message(), HasSubstr("obtained_by_agb"));
}

TEST(Consent, EveryConsentChangeIsAudited) {
  TestServer server;
  const std::string name = CreateAsGp(server, ValidReferral(), "c5").name();
  ASSERT_TRUE(Revoke(server, GpOfPractice(), name, {}, "c5-all").ok());
  int changes = 0;
  for (const auto& record : AuditRecords(server, name)) {
    if (record.event() == wor::v1::AUDIT_EVENT_TYPE_CONSENT_CHANGE) {
      ++changes;
      EXPECT_EQ(record.method(), "wor.v1.ConsentService.RevokeConsent");
      EXPECT_EQ(record.user(), "gp-01012345");
      EXPECT_EQ(record.outcome(), wor::v1::AUDIT_OUTCOME_ALLOWED);
    }
  }
  EXPECT_EQ(changes, 1);
}

}  // namespace
}  // namespace wor::server
