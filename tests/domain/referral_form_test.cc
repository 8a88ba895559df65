#include "server/domain/referral_form.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "server/domain/national_catalogue.h"
#include "wor/v1/catalogue.pb.h"
#include "wor/v1/common.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_form.pb.h"

namespace wor::server {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::wor::v1::FormQuestion;
using ::wor::v1::FormSection;
using ::wor::v1::ReferralForm;

std::vector<const FormQuestion*> AllQuestions(const ReferralForm& form) {
  std::vector<const FormQuestion*> questions;
  for (const FormSection& section : form.sections()) {
    for (const FormQuestion& question : section.questions()) {
      questions.push_back(&question);
    }
  }
  return questions;
}

const FormQuestion* FindQuestion(const ReferralForm& form,
                                 const std::string& field) {
  for (const FormQuestion* question : AllQuestions(form)) {
    if (question->field() == field) return question;
  }
  return nullptr;
}

// The wor.v1.Referral field a dotted path names, or nullptr when a segment
// does not exist or a non-final segment is not a message.
const FieldDescriptor* ResolveReferralField(const std::string& path) {
  const Descriptor* message = wor::v1::Referral::descriptor();
  const FieldDescriptor* field = nullptr;
  size_t begin = 0;
  while (true) {
    if (message == nullptr) return nullptr;
    const size_t end = path.find('.', begin);
    field = message->FindFieldByName(path.substr(begin, end - begin));
    if (field == nullptr) return nullptr;
    if (end == std::string::npos) return field;
    message = field->message_type();
    begin = end + 1;
  }
}

bool IsChoice(const FormQuestion& question) {
  return question.kind() == wor::v1::QUESTION_KIND_SINGLE_CHOICE ||
         question.kind() == wor::v1::QUESTION_KIND_MULTIPLE_CHOICE;
}

bool IsText(const FormQuestion& question) {
  switch (question.kind()) {
    case wor::v1::QUESTION_KIND_TEXT:
    case wor::v1::QUESTION_KIND_LONG_TEXT:
    case wor::v1::QUESTION_KIND_PHONE:
    case wor::v1::QUESTION_KIND_EMAIL:
      return true;
    default:
      return false;
  }
}

TEST(ReferralFormTest, SectionsComeInDisplayOrder) {
  std::vector<std::string> ids;
  for (const FormSection& section : TheReferralForm().sections()) {
    ids.push_back(section.id());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "referrer", "patient", "indicators", "contra_indications",
                     "conversation", "patient_question", "route", "consent"}));
}

TEST(ReferralFormTest, EverySectionHasADutchAndEnglishTitle) {
  for (const FormSection& section : TheReferralForm().sections()) {
    EXPECT_FALSE(section.title().nl().empty()) << section.id();
    EXPECT_FALSE(section.title().en().empty()) << section.id();
    EXPECT_FALSE(section.questions().empty()) << section.id();
  }
}

TEST(ReferralFormTest, EveryQuestionHasADutchAndEnglishLabel) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    EXPECT_FALSE(question->label().nl().empty()) << question->field();
    EXPECT_FALSE(question->label().en().empty()) << question->field();
    EXPECT_NE(question->kind(), wor::v1::QUESTION_KIND_UNSPECIFIED)
        << question->field();
  }
}

TEST(ReferralFormTest, EveryHelpTextIsGivenInBothLanguagesOrNeither) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    EXPECT_EQ(question->help().nl().empty(), question->help().en().empty())
        << question->field();
  }
  for (const FormSection& section : TheReferralForm().sections()) {
    EXPECT_EQ(section.description().nl().empty(),
              section.description().en().empty())
        << section.id();
  }
}

TEST(ReferralFormTest, EveryOptionHasAWrittenDutchAndEnglishLabel) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    for (const wor::v1::FormOption& option : question->options()) {
      EXPECT_FALSE(option.label().nl().empty()) << option.value();
      EXPECT_FALSE(option.label().en().empty()) << option.value();
      // The builder falls back to the value name when a label is missing.
      EXPECT_NE(option.label().nl(), option.value());
      EXPECT_NE(option.label().en(), option.value());
    }
  }
}

TEST(ReferralFormTest, EveryFieldResolvesToAReferralField) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    EXPECT_NE(ResolveReferralField(question->field()), nullptr)
        << question->field();
  }
}

TEST(ReferralFormTest, NoFieldIsAskedTwice) {
  std::set<std::string> fields;
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    EXPECT_TRUE(fields.insert(question->field()).second) << question->field();
  }
}

TEST(ReferralFormTest, EveryQuestionKindFitsTheTypeOfItsField) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    const FieldDescriptor* field = ResolveReferralField(question->field());
    ASSERT_NE(field, nullptr) << question->field();
    switch (question->kind()) {
      case wor::v1::QUESTION_KIND_TEXT:
      case wor::v1::QUESTION_KIND_LONG_TEXT:
      case wor::v1::QUESTION_KIND_PHONE:
      case wor::v1::QUESTION_KIND_EMAIL:
        EXPECT_EQ(field->type(), FieldDescriptor::TYPE_STRING)
            << question->field();
        EXPECT_FALSE(field->is_repeated()) << question->field();
        break;
      case wor::v1::QUESTION_KIND_DATE:
        EXPECT_EQ(field->message_type(), wor::v1::LocalDate::descriptor())
            << question->field();
        break;
      case wor::v1::QUESTION_KIND_SINGLE_CHOICE:
        EXPECT_NE(field->enum_type(), nullptr) << question->field();
        EXPECT_FALSE(field->is_repeated()) << question->field();
        break;
      case wor::v1::QUESTION_KIND_MULTIPLE_CHOICE:
        EXPECT_NE(field->enum_type(), nullptr) << question->field();
        EXPECT_TRUE(field->is_repeated()) << question->field();
        break;
      case wor::v1::QUESTION_KIND_YES_NO:
        EXPECT_EQ(field->enum_type(), wor::v1::YesNo_descriptor())
            << question->field();
        break;
      default:
        ADD_FAILURE() << "unexpected kind for " << question->field();
    }
  }
}

TEST(ReferralFormTest, EveryOptionIsAValueNameOfTheFieldsEnum) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    if (!IsChoice(*question)) {
      EXPECT_TRUE(question->options().empty()) << question->field();
      continue;
    }
    const FieldDescriptor* field = ResolveReferralField(question->field());
    ASSERT_NE(field, nullptr) << question->field();
    const EnumDescriptor* enum_type = field->enum_type();
    ASSERT_NE(enum_type, nullptr) << question->field();
    for (const wor::v1::FormOption& option : question->options()) {
      const auto* value = enum_type->FindValueByName(option.value());
      ASSERT_NE(value, nullptr) << question->field() << ": " << option.value();
      EXPECT_NE(value->number(), 0) << option.value();
    }
  }
}

TEST(ReferralFormTest, EveryEnumValueButUnspecifiedIsOfferedExactlyOnce) {
  for (const std::string field :
       {"indicators", "route", "consent.scopes", "consent.method",
        "referrer.role", "patient.preferred_contact_times"}) {
    const FormQuestion* question = FindQuestion(TheReferralForm(), field);
    ASSERT_NE(question, nullptr) << field;
    std::map<std::string, int> offered;
    for (const wor::v1::FormOption& option : question->options()) {
      ++offered[option.value()];
    }
    const EnumDescriptor* enum_type = ResolveReferralField(field)->enum_type();
    ASSERT_NE(enum_type, nullptr) << field;
    for (int i = 0; i < enum_type->value_count(); ++i) {
      const auto* value = enum_type->value(i);
      const std::string name(value->name());
      EXPECT_EQ(offered[name], value->number() == 0 ? 0 : 1)
          << field << ": " << name;
    }
    EXPECT_EQ(question->options_size(), enum_type->value_count() - 1) << field;
  }
}

TEST(ReferralFormTest, IndicatorOptionValuesAreEnumValueNames) {
  const FormQuestion* question = FindQuestion(TheReferralForm(), "indicators");
  ASSERT_NE(question, nullptr);
  EXPECT_EQ(question->kind(), wor::v1::QUESTION_KIND_MULTIPLE_CHOICE);
  ASSERT_EQ(question->options_size(), 9);
  EXPECT_EQ(question->options(0).value(), "INDICATOR_PSYCHOLOGICAL_COMPLAINTS");
  EXPECT_EQ(question->options(1).value(), "INDICATOR_LONELINESS");
}

TEST(ReferralFormTest, TheFiveContraIndicationsRefuseOnYesWithAnExplanation) {
  const FormSection& section = TheReferralForm().sections(3);
  ASSERT_EQ(section.id(), "contra_indications");
  ASSERT_EQ(section.questions_size(), 5);
  for (const FormQuestion& question : section.questions()) {
    EXPECT_EQ(question.field().rfind("contra_indications.", 0), 0u)
        << question.field();
    EXPECT_EQ(question.kind(), wor::v1::QUESTION_KIND_YES_NO);
    EXPECT_TRUE(question.required()) << question.field();
    EXPECT_EQ(question.refusing_answer(), wor::v1::YES_NO_YES)
        << question.field();
    EXPECT_NE(question.refusal_text().nl().find("POH-GGZ"), std::string::npos)
        << question.field();
    EXPECT_NE(question.refusal_text().en().find("POH-GGZ"), std::string::npos)
        << question.field();
  }
}

TEST(ReferralFormTest, TheFourConversationChecksRefuseOnNoWithAnExplanation) {
  const FormSection& section = TheReferralForm().sections(4);
  ASSERT_EQ(section.id(), "conversation");
  ASSERT_EQ(section.questions_size(), 4);
  for (const FormQuestion& question : section.questions()) {
    EXPECT_EQ(question.field().rfind("conversation.", 0), 0u)
        << question.field();
    EXPECT_EQ(question.kind(), wor::v1::QUESTION_KIND_YES_NO);
    EXPECT_TRUE(question.required()) << question.field();
    EXPECT_EQ(question.refusing_answer(), wor::v1::YES_NO_NO)
        << question.field();
    EXPECT_FALSE(question.refusal_text().nl().empty()) << question.field();
    EXPECT_FALSE(question.refusal_text().en().empty()) << question.field();
  }
}

TEST(ReferralFormTest, OnlyYesNoQuestionsCarryARefusalRule) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    if (question->kind() == wor::v1::QUESTION_KIND_YES_NO) continue;
    EXPECT_EQ(question->refusing_answer(), wor::v1::YES_NO_UNSPECIFIED)
        << question->field();
    EXPECT_TRUE(question->refusal_text().nl().empty()) << question->field();
    EXPECT_TRUE(question->refusal_text().en().empty()) << question->field();
  }
}

TEST(ReferralFormTest, TextQuestionsAndOnlyThoseHaveAMaximumLength) {
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    if (IsText(*question)) {
      EXPECT_GT(question->max_length(), 0) << question->field();
    } else {
      EXPECT_EQ(question->max_length(), 0) << question->field();
    }
  }
}

TEST(ReferralFormTest, MaximumLengthsMatchTheContract) {
  const std::map<std::string, int> expected = {
      {"referrer.person_agb", 8},           {"referrer.practice_agb", 8},
      {"referrer.display_name", 100},       {"patient.given_name", 100},
      {"patient.family_name", 100},         {"patient.address.street", 100},
      {"patient.address.house_number", 16}, {"patient.address.postal_code", 7},
      {"patient.address.city", 100},        {"patient_question", 2000},
      {"consent.obtained_by_agb", 8},
  };
  for (const auto& [field, max_length] : expected) {
    const FormQuestion* question = FindQuestion(TheReferralForm(), field);
    ASSERT_NE(question, nullptr) << field;
    EXPECT_EQ(question->max_length(), max_length) << field;
  }
  EXPECT_EQ(FindQuestion(TheReferralForm(), "patient_question")->kind(),
            wor::v1::QUESTION_KIND_LONG_TEXT);
}

TEST(ReferralFormTest, OnlyContactDetailsAndCourtesiesAreOptional) {
  std::set<std::string> optional;
  for (const FormQuestion* question : AllQuestions(TheReferralForm())) {
    if (!question->required()) optional.insert(question->field());
  }
  EXPECT_EQ(optional,
            (std::set<std::string>{
                "referrer.display_name", "patient.phone", "patient.email",
                "patient.address.street", "patient.address.house_number",
                "patient.address.postal_code", "patient.address.city",
                "patient.preferred_contact_times", "patient.language"}));
}

TEST(ReferralFormTest, PhoneHelpSaysItIsRequiredUnlessAnEmailIsGiven) {
  const FormQuestion* phone = FindQuestion(TheReferralForm(), "patient.phone");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->kind(), wor::v1::QUESTION_KIND_PHONE);
  EXPECT_NE(phone->help().nl().find("e-mailadres"), std::string::npos);
  EXPECT_NE(phone->help().en().find("e-mail"), std::string::npos);
}

TEST(ReferralFormTest, NeverAsksForTheBsnOrTheConsentTime) {
  EXPECT_EQ(FindQuestion(TheReferralForm(), "patient.bsn"), nullptr);
  EXPECT_EQ(FindQuestion(TheReferralForm(), "consent.obtain_time"), nullptr);
  ASSERT_NE(FindQuestion(TheReferralForm(), "consent.obtained_by_agb"),
            nullptr);
  EXPECT_EQ(FindQuestion(TheReferralForm(), "consent.obtained_by_agb")->kind(),
            wor::v1::QUESTION_KIND_TEXT);
}

TEST(ReferralFormTest, ConsentScopesAreExplainedForThePatient) {
  const FormQuestion* scopes =
      FindQuestion(TheReferralForm(), "consent.scopes");
  ASSERT_NE(scopes, nullptr);
  EXPECT_EQ(scopes->kind(), wor::v1::QUESTION_KIND_MULTIPLE_CHOICE);
  EXPECT_FALSE(scopes->help().nl().empty());
  EXPECT_FALSE(scopes->help().en().empty());
  const FormQuestion* method =
      FindQuestion(TheReferralForm(), "consent.method");
  ASSERT_NE(method, nullptr);
  EXPECT_EQ(method->kind(), wor::v1::QUESTION_KIND_SINGLE_CHOICE);
}

TEST(ReferralFormTest, VersionIsTwelveHexCharactersAndStableAcrossCalls) {
  const std::string& version = TheReferralForm().version();
  ASSERT_EQ(version.size(), 12u);
  EXPECT_EQ(version.find_first_not_of("0123456789abcdef"), std::string::npos)
      << version;
  EXPECT_EQ(&TheReferralForm(), &TheReferralForm());
  EXPECT_EQ(TheReferralForm().version(), version);
  EXPECT_EQ(ReferralFormVersion(TheReferralForm()), version);
}

TEST(ReferralFormTest, VersionChangesWhenAnyTextChanges) {
  ReferralForm changed = TheReferralForm();
  changed.mutable_sections(0)->mutable_questions(0)->mutable_help()->set_en(
      "Something else.");
  EXPECT_NE(ReferralFormVersion(changed), TheReferralForm().version());

  ReferralForm reversioned = TheReferralForm();
  reversioned.set_version("ignored");
  EXPECT_EQ(ReferralFormVersion(reversioned), TheReferralForm().version());
}

TEST(NationalActivityCatalogueTest, HasTheEightNationalCategoriesInOrder) {
  const wor::v1::ActivityCatalogue& catalogue = NationalActivityCatalogue();
  std::vector<std::string> ids;
  for (const wor::v1::ActivityCategory& category : catalogue.categories()) {
    ids.push_back(category.id());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "sport_and_movement", "nature", "cooking_and_eating",
                     "creative_and_cultural", "relaxation_and_meaning",
                     "volunteering", "contact_and_meeting", "other"}));
}

TEST(NationalActivityCatalogueTest, EveryCategoryHasDutchAndEnglishTitles) {
  for (const wor::v1::ActivityCategory& category :
       NationalActivityCatalogue().categories()) {
    EXPECT_FALSE(category.title().nl().empty()) << category.id();
    EXPECT_FALSE(category.title().en().empty()) << category.id();
    EXPECT_TRUE(category.activities().empty()) << category.id();
  }
  EXPECT_EQ(NationalActivityCatalogue().categories(0).title().nl(),
            "Bewegen en sporten");
}

TEST(NationalActivityCatalogueTest, LeavesTheRegionToTheCaller) {
  EXPECT_TRUE(NationalActivityCatalogue().region().empty());
}

}  // namespace
}  // namespace wor::server
