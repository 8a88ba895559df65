// Every value that reaches a page is escaped: from the server's form, the
// EHR's prefill, what the GP typed, the server's errors and the feedback.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin/error_page.h"
#include "plugin/html.h"
#include "plugin/referral_page.h"
#include "plugin/status_card.h"

namespace wor::plugin {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kEvil[] = "<script>alert(\"x\")</script>&'";
constexpr char kEscaped[] =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;";

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(HtmlEscape(kEvil), kEscaped);
  EXPECT_EQ(HtmlEscapeMultiline("a<\nb"), "a&lt;<br>b");
}

wor::v1::ReferralForm EvilForm() {
  wor::v1::ReferralForm form;
  auto* section = form.add_sections();
  section->set_id(kEvil);
  section->mutable_title()->set_nl(kEvil);
  section->mutable_description()->set_nl(kEvil);
  auto* text = section->add_questions();
  text->set_field("patient.given_name");
  text->set_kind(wor::v1::QUESTION_KIND_TEXT);
  text->mutable_label()->set_nl(kEvil);
  text->mutable_help()->set_nl(kEvil);
  auto* choice = section->add_questions();
  choice->set_field("indicators");
  choice->set_kind(wor::v1::QUESTION_KIND_MULTIPLE_CHOICE);
  choice->mutable_label()->set_nl(kEvil);
  auto* option = choice->add_options();
  option->set_value(kEvil);
  option->mutable_label()->set_nl(kEvil);
  auto* question = section->add_questions();
  question->set_field("patient_question");
  question->set_kind(wor::v1::QUESTION_KIND_LONG_TEXT);
  question->mutable_label()->set_nl("Hulpvraag");
  return form;
}

TEST(HtmlEscape, TheReferralPageEscapesFormTextsValuesAndErrors) {
  wor::v1::ReferralForm form = EvilForm();
  FieldValues values = {{"patient.given_name", kEvil},
                        {"patient_question", kEvil},
                        {"indicators", kEvil}};
  std::string html = RenderReferralPage(
      {.form = form,
       .values = values,
       .lang = "nl",
       .nonce = kEvil,
       .errors = {{.field = "patient.given_name", .message = kEvil},
                  {.field = "", .message = kEvil}}});
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, Not(HasSubstr("alert(\"x\")")));
  EXPECT_THAT(html, HasSubstr(kEscaped));
}

TEST(HtmlEscape, TheStatusCardEscapesFeedbackAndNames) {
  ReferralWithFeedback item;
  item.referral.set_name(kEvil);
  wor::v1::Feedback feedback;
  feedback.set_summary(kEvil);
  item.feedback.push_back(feedback);
  std::string html = RenderStatusCard({.lang = "nl",
                                       .referrals = {item},
                                       .just_created = kEvil,
                                       .notice = kEvil});
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr(kEscaped));
}

TEST(HtmlEscape, ErrorPagesCarryNoInputAtAll) {
  for (ErrorKind kind : {ErrorKind::kLaunchInvalid, ErrorKind::kStateInvalid,
                         ErrorKind::kNoPatientContext}) {
    std::string html = RenderErrorPage(kind, kEvil);
    EXPECT_THAT(html, Not(HasSubstr("script")));
    EXPECT_THAT(html, HasSubstr("lang=\"nl\""));
  }
}

TEST(ReferralPage, LinksErrorsToTheirFieldWithAriaDescribedby) {
  wor::v1::ReferralForm form = EvilForm();
  FieldValues values;
  std::string html = RenderReferralPage(
      {.form = form,
       .values = values,
       .lang = "en",
       .nonce = "n",
       .errors = {{.field = "patient.given_name", .message = "is required"}}});
  EXPECT_THAT(html, HasSubstr("<label for=\"f-patient-given_name\">"));
  EXPECT_THAT(html, HasSubstr("id=\"f-patient-given_name-error\""));
  EXPECT_THAT(html, HasSubstr("aria-describedby=\"f-patient-given_name-error "
                              "f-patient-given_name-help\""));
  EXPECT_THAT(html, HasSubstr("aria-invalid=\"true\""));
  EXPECT_THAT(html, HasSubstr("href=\"#f-patient-given_name\""));
  EXPECT_THAT(html, HasSubstr("<html lang=\"en\""));
}

}  // namespace
}  // namespace wor::plugin

namespace wor::plugin {
namespace {

TEST(StatusCard, ShowsDeadlinesAsTheServerReportsThemAndWithheldFeedback) {
  ReferralWithFeedback item;
  item.referral.set_name("referrals/r1");
  item.referral.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
  auto* deadlines = item.referral.mutable_deadlines();
  deadlines->mutable_first_contact_target()->set_status(
      wor::v1::DEADLINE_STATUS_BREACHED);
  deadlines->mutable_first_contact_target()->mutable_due_date()->set_year(2026);
  deadlines->mutable_first_contact_limit()->set_status(
      wor::v1::DEADLINE_STATUS_PENDING);
  deadlines->mutable_intake()->set_status(wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  wor::v1::Feedback withheld;
  withheld.set_kind(wor::v1::FEEDBACK_KIND_AFTER_INTAKE);
  withheld.set_content_withheld(true);
  item.feedback.push_back(withheld);
  std::string html = RenderStatusCard({.lang = "nl", .referrals = {item}});
  EXPECT_THAT(html, HasSubstr("class=\"status-overdue\">te laat"));
  EXPECT_THAT(html, HasSubstr("class=\"status-due\">loopt"));
  EXPECT_THAT(html, HasSubstr("class=\"status-met\">gehaald"));
  EXPECT_THAT(html, HasSubstr("de inhoud wordt niet gedeeld"));
  EXPECT_THAT(html, HasSubstr("data-state=\"REFERRAL_STATE_ACCEPTED\""));
  std::string en = RenderStatusCard({.lang = "en", .referrals = {item}});
  EXPECT_THAT(en, HasSubstr(">overdue<"));
  EXPECT_THAT(en, HasSubstr("its content is not shared"));
}

}  // namespace
}  // namespace wor::plugin
