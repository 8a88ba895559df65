// The disclosure table, checked cell by cell: every leaf field of Referral and
// Feedback, for every role and every consent state, against the policy of
// DOMAIN.md ("Consent and privacy") written out here again in plain ifs, so
// that a wrong row in the table shows up as a failing cell.
#include "server/domain/disclosure_policy.h"

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using wor::v1::ConsentScope;
using wor::v1::UserRole;

constexpr ConsentScope kShareWithCoach =
    wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH;
constexpr ConsentScope kFeedbackToReferrer =
    wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER;

// ---------------------------------------------------------------------------
// Walking descriptors and messages by reflection.

bool IsLeafType(const FieldDescriptor* field,
                const std::vector<const Descriptor*>& open) {
  if (field->is_repeated()) return true;
  if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) return true;
  const Descriptor* type = field->message_type();
  return absl::StartsWith(type->full_name(), "google.protobuf.") ||
         std::find(open.begin(), open.end(), type) != open.end();
}

void CollectLeafPaths(const Descriptor* descriptor, const std::string& prefix,
                      std::vector<const Descriptor*>& open,
                      std::vector<std::string>& paths) {
  open.push_back(descriptor);
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    const std::string path = prefix.empty()
                                 ? field->name()
                                 : absl::StrCat(prefix, ".", field->name());
    if (IsLeafType(field, open)) {
      paths.push_back(path);
    } else {
      CollectLeafPaths(field->message_type(), path, open, paths);
    }
  }
  open.pop_back();
}

// Every leaf field path: through singular messages, stopping at
// google.protobuf.* types, repeated fields and recursion.
std::vector<std::string> LeafPaths(const Descriptor* descriptor) {
  std::vector<std::string> paths;
  std::vector<const Descriptor*> open;
  CollectLeafPaths(descriptor, "", open, paths);
  return paths;
}

int FirstNonZeroEnumValue(const EnumDescriptor* type) {
  for (int i = 0; i < type->value_count(); ++i) {
    if (type->value(i)->number() != 0) return type->value(i)->number();
  }
  return 0;
}

void FillEveryField(Message& message, std::vector<const Descriptor*>& open);

void FillOne(Message& message, const FieldDescriptor* field,
             std::vector<const Descriptor*>& open) {
  const Reflection& r = *message.GetReflection();
  const bool repeated = field->is_repeated();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      repeated ? r.AddString(&message, field, "x")
               : r.SetString(&message, field, "x");
      break;
    case FieldDescriptor::CPPTYPE_INT32:
      repeated ? r.AddInt32(&message, field, 1)
               : r.SetInt32(&message, field, 1);
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      repeated ? r.AddInt64(&message, field, 1)
               : r.SetInt64(&message, field, 1);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      repeated ? r.AddUInt32(&message, field, 1)
               : r.SetUInt32(&message, field, 1);
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      repeated ? r.AddUInt64(&message, field, 1)
               : r.SetUInt64(&message, field, 1);
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      repeated ? r.AddDouble(&message, field, 1)
               : r.SetDouble(&message, field, 1);
      break;
    case FieldDescriptor::CPPTYPE_FLOAT:
      repeated ? r.AddFloat(&message, field, 1)
               : r.SetFloat(&message, field, 1);
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      repeated ? r.AddBool(&message, field, true)
               : r.SetBool(&message, field, true);
      break;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int value = FirstNonZeroEnumValue(field->enum_type());
      repeated ? r.AddEnumValue(&message, field, value)
               : r.SetEnumValue(&message, field, value);
      break;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      const Descriptor* type = field->message_type();
      if (std::find(open.begin(), open.end(), type) != open.end()) break;
      FillEveryField(repeated ? *r.AddMessage(&message, field)
                              : *r.MutableMessage(&message, field),
                     open);
      break;
    }
  }
}

// Sets every field: strings "x", numbers 1, enums their first non-zero
// value, repeated fields one element, messages recursively.
void FillEveryField(Message& message, std::vector<const Descriptor*>& open) {
  const Descriptor* descriptor = message.GetDescriptor();
  open.push_back(descriptor);
  for (int i = 0; i < descriptor->field_count(); ++i) {
    FillOne(message, descriptor->field(i), open);
  }
  open.pop_back();
}

template <typename T>
T WithEveryField() {
  T message;
  std::vector<const Descriptor*> open;
  FillEveryField(message, open);
  return message;
}

bool IsPresent(const Message& root, absl::string_view path) {
  const Message* message = &root;
  const std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const FieldDescriptor* field =
        message->GetDescriptor()->FindFieldByName(parts[i]);
    if (field == nullptr) {
      ADD_FAILURE() << "no field " << path;
      return false;
    }
    const Reflection& r = *message->GetReflection();
    if (i + 1 == parts.size()) {
      return field->is_repeated() ? r.FieldSize(*message, field) > 0
                                  : r.HasField(*message, field);
    }
    if (!r.HasField(*message, field)) return false;
    message = &r.GetMessage(*message, field);
  }
  return false;
}

std::vector<UserRole> AllRoles() {
  std::vector<UserRole> roles;
  const EnumDescriptor* type = wor::v1::UserRole_descriptor();
  for (int i = 0; i < type->value_count(); ++i) {
    roles.push_back(static_cast<UserRole>(type->value(i)->number()));
  }
  return roles;
}

// All subsets of the non-zero consent scopes.
std::vector<std::vector<ConsentScope>> AllConsentStates() {
  std::vector<ConsentScope> scopes;
  const EnumDescriptor* type = wor::v1::ConsentScope_descriptor();
  for (int i = 0; i < type->value_count(); ++i) {
    if (type->value(i)->number() != 0) {
      scopes.push_back(static_cast<ConsentScope>(type->value(i)->number()));
    }
  }
  std::vector<std::vector<ConsentScope>> states;
  for (uint32_t bits = 0; bits < (1u << scopes.size()); ++bits) {
    std::vector<ConsentScope> state;
    for (size_t i = 0; i < scopes.size(); ++i) {
      if ((bits & (1u << i)) != 0) state.push_back(scopes[i]);
    }
    states.push_back(state);
  }
  return states;
}

std::string Describe(UserRole role, const std::vector<ConsentScope>& scopes) {
  std::vector<std::string> names;
  for (ConsentScope scope : scopes) {
    names.push_back(wor::v1::ConsentScope_Name(scope));
  }
  return absl::StrCat(wor::v1::UserRole_Name(role), " with consent {",
                      absl::StrJoin(names, ", "), "}");
}

// ---------------------------------------------------------------------------
// The policy, written out independently of the table.

struct Expected {
  bool visible = false;
  // The scope that makes the field visible, if it is visible only by consent.
  ConsentScope relied_on = wor::v1::CONSENT_SCOPE_UNSPECIFIED;
};

bool IsReferrer(UserRole role) {
  return role == wor::v1::USER_ROLE_GP || role == wor::v1::USER_ROLE_POH;
}
bool IsCoach(UserRole role) {
  return role == wor::v1::USER_ROLE_COACH ||
         role == wor::v1::USER_ROLE_COORDINATOR;
}
bool Has(const std::vector<ConsentScope>& scopes, ConsentScope scope) {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}
Expected ByConsent(const std::vector<ConsentScope>& scopes,
                   ConsentScope scope) {
  if (!Has(scopes, scope)) return {false};
  return {true, scope};
}

Expected ExpectedForReferral(UserRole role,
                             const std::vector<ConsentScope>& scopes,
                             absl::string_view path) {
  if (!IsReferrer(role) && !IsCoach(role)) return {false};
  const std::string top(path.substr(0, path.find('.')));
  if (path == "patient.bsn" || top == "patient_pseudonym" ||
      top == "next_deadline_alarm_time") {
    return {false};
  }
  if (path == "patient.ehr_patient_reference") return {IsReferrer(role)};
  if (top == "patient" || top == "patient_question" || top == "indicators" ||
      top == "contra_indications" || top == "conversation" ||
      path == "milestones.age_band") {
    if (IsReferrer(role)) return {true};
    return ByConsent(scopes, kShareWithCoach);
  }
  if (top == "activity" || top == "closing" ||
      absl::StartsWith(path, "intake.scores.")) {
    if (IsCoach(role)) return {true};
    return ByConsent(scopes, kFeedbackToReferrer);
  }
  return {true};
}

Expected ExpectedForFeedback(UserRole role,
                             const std::vector<ConsentScope>& scopes,
                             absl::string_view path) {
  if (!IsReferrer(role) && !IsCoach(role)) return {false};
  if (path == "summary" && IsReferrer(role)) {
    return ByConsent(scopes, kFeedbackToReferrer);
  }
  return {true};
}

// Checks every leaf of `disclosed` against `expected`, given which leaves
// were present before; returns the scopes the policy relies on and adds the
// number of cells checked to `cells`.
template <typename ExpectFn>
std::set<ConsentScope> CheckLeaves(const Message& before,
                                   const Message& disclosed,
                                   const std::vector<std::string>& leaves,
                                   ExpectFn expected, const std::string& who,
                                   int& cells) {
  std::set<ConsentScope> relied_on;
  for (const std::string& path : leaves) {
    const bool was_present = IsPresent(before, path);
    const Expected want = expected(path);
    EXPECT_EQ(IsPresent(disclosed, path), was_present && want.visible)
        << disclosed.GetDescriptor()->name() << "." << path << " for " << who;
    if (was_present && want.visible &&
        want.relied_on != wor::v1::CONSENT_SCOPE_UNSPECIFIED) {
      relied_on.insert(want.relied_on);
    }
    ++cells;
  }
  return relied_on;
}

std::vector<ConsentScope> Sorted(const std::set<ConsentScope>& scopes) {
  return {scopes.begin(), scopes.end()};
}

wor::v1::Referral ReferralWithConsent(std::vector<ConsentScope> scopes) {
  wor::v1::Referral referral = WithEveryField<wor::v1::Referral>();
  referral.mutable_consent()->clear_scopes();
  for (ConsentScope scope : scopes)
    referral.mutable_consent()->add_scopes(scope);
  return referral;
}

wor::v1::ConsentRecord ConsentOf(std::vector<ConsentScope> scopes) {
  wor::v1::ConsentRecord consent;
  for (ConsentScope scope : scopes) consent.add_scopes(scope);
  return consent;
}

// ---------------------------------------------------------------------------
// The table's shape.

TEST(DisclosurePolicyTest, EveryLeafFieldIsCoveredByARule) {
  for (const Descriptor* descriptor :
       {wor::v1::Referral::descriptor(), wor::v1::Feedback::descriptor()}) {
    for (const std::string& path : LeafPaths(descriptor)) {
      bool covered = false;
      for (const DisclosureRule& rule : DisclosureTable()) {
        covered |= rule.message == descriptor->full_name() &&
                   (path == rule.path ||
                    absl::StartsWith(path, absl::StrCat(rule.path, ".")));
      }
      EXPECT_TRUE(covered) << descriptor->full_name() << "." << path
                           << " has no disclosure rule: add one to the table";
    }
  }
}

TEST(DisclosurePolicyTest, EveryTopLevelFieldHasARowOfItsOwn) {
  for (const Descriptor* descriptor :
       {wor::v1::Referral::descriptor(), wor::v1::Feedback::descriptor()}) {
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const std::string& name = descriptor->field(i)->name();
      const bool listed = std::any_of(
          DisclosureTable().begin(), DisclosureTable().end(),
          [&](const DisclosureRule& rule) {
            return rule.message == descriptor->full_name() && rule.path == name;
          });
      EXPECT_TRUE(listed) << descriptor->full_name() << "." << name;
    }
  }
}

TEST(DisclosurePolicyTest, EveryRuleNamesAFieldOnceThroughSingularMessages) {
  std::set<std::string> seen;
  for (const DisclosureRule& rule : DisclosureTable()) {
    const std::string key = absl::StrCat(rule.message, ":", rule.path);
    EXPECT_TRUE(seen.insert(key).second) << "duplicate rule " << key;
    const Descriptor* descriptor =
        google::protobuf::DescriptorPool::generated_pool()
            ->FindMessageTypeByName(std::string(rule.message));
    ASSERT_NE(descriptor, nullptr) << key;
    const std::vector<std::string> parts = absl::StrSplit(rule.path, '.');
    for (size_t i = 0; i < parts.size(); ++i) {
      ASSERT_NE(descriptor, nullptr) << key << " descends into a non-message";
      const FieldDescriptor* field = descriptor->FindFieldByName(parts[i]);
      ASSERT_NE(field, nullptr) << key << " names no field";
      const bool singular_message =
          !field->is_repeated() &&
          field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
      descriptor = singular_message ? field->message_type() : nullptr;
    }
  }
}

// ---------------------------------------------------------------------------
// Every field × role × consent state.

TEST(DisclosurePolicyTest, EveryReferralFieldForEveryRoleAndConsentState) {
  const std::vector<std::string> leaves =
      LeafPaths(wor::v1::Referral::descriptor());
  int cells = 0;
  for (const std::vector<ConsentScope>& scopes : AllConsentStates()) {
    const wor::v1::Referral before = ReferralWithConsent(scopes);
    for (UserRole role : AllRoles()) {
      wor::v1::Referral disclosed = before;
      const std::vector<ConsentScope> relied_on =
          DiscloseReferral(role, disclosed);
      const std::set<ConsentScope> expected_relied_on = CheckLeaves(
          before, disclosed, leaves,
          [&](absl::string_view path) {
            return ExpectedForReferral(role, scopes, path);
          },
          Describe(role, scopes), cells);
      EXPECT_EQ(relied_on, Sorted(expected_relied_on))
          << Describe(role, scopes);
    }
  }
  EXPECT_EQ(cells, static_cast<int>(leaves.size()) * 8 * 16);
  std::cout << "Referral: " << leaves.size() << " fields x 8 roles x 16 consent"
            << " states = " << cells << " cells checked\n";
  ::testing::Test::RecordProperty("referral_cells", cells);
}

TEST(DisclosurePolicyTest, EveryFeedbackFieldForEveryRoleAndConsentState) {
  const std::vector<std::string> leaves =
      LeafPaths(wor::v1::Feedback::descriptor());
  const wor::v1::Feedback before = WithEveryField<wor::v1::Feedback>();
  int cells = 0;
  for (const std::vector<ConsentScope>& scopes : AllConsentStates()) {
    for (UserRole role : AllRoles()) {
      wor::v1::Feedback disclosed = before;
      const std::vector<ConsentScope> relied_on =
          DiscloseFeedback(role, ConsentOf(scopes), disclosed);
      const std::set<ConsentScope> expected_relied_on = CheckLeaves(
          before, disclosed, leaves,
          [&](absl::string_view path) {
            return ExpectedForFeedback(role, scopes, path);
          },
          Describe(role, scopes), cells);
      EXPECT_EQ(relied_on, Sorted(expected_relied_on))
          << Describe(role, scopes);
    }
  }
  EXPECT_EQ(cells, static_cast<int>(leaves.size()) * 8 * 16);
  std::cout << "Feedback: " << leaves.size() << " fields x 8 roles x 16 consent"
            << " states = " << cells << " cells checked\n";
  ::testing::Test::RecordProperty("feedback_cells", cells);
}

// ---------------------------------------------------------------------------
// The invariants, stated directly.

TEST(DisclosurePolicyTest, TheBsnNeverLeavesForAnyRoleOrConsentState) {
  for (const std::vector<ConsentScope>& scopes : AllConsentStates()) {
    for (UserRole role : AllRoles()) {
      wor::v1::Referral referral = ReferralWithConsent(scopes);
      referral.mutable_patient()->set_bsn("111222333");
      DiscloseReferral(role, referral);
      EXPECT_EQ(referral.patient().bsn(), "") << Describe(role, scopes);
      EXPECT_EQ(referral.patient_pseudonym(), "") << Describe(role, scopes);
    }
  }
}

TEST(DisclosurePolicyTest, ACoachWithoutShareWithCoachSeesNoPatientDetails) {
  for (UserRole role :
       {wor::v1::USER_ROLE_COACH, wor::v1::USER_ROLE_COORDINATOR}) {
    for (const std::vector<ConsentScope>& scopes : AllConsentStates()) {
      if (Has(scopes, kShareWithCoach)) continue;
      wor::v1::Referral referral = ReferralWithConsent(scopes);
      DiscloseReferral(role, referral);
      const wor::v1::Patient& patient = referral.patient();
      EXPECT_EQ(patient.phone(), "") << Describe(role, scopes);
      EXPECT_EQ(patient.email(), "") << Describe(role, scopes);
      EXPECT_FALSE(patient.has_address()) << Describe(role, scopes);
      EXPECT_EQ(patient.given_name(), "") << Describe(role, scopes);
      EXPECT_EQ(patient.family_name(), "") << Describe(role, scopes);
      EXPECT_FALSE(patient.has_birth_date()) << Describe(role, scopes);
      // Not even an empty patient is left to show that one was there.
      EXPECT_FALSE(referral.has_patient()) << Describe(role, scopes);
      EXPECT_EQ(referral.patient_question(), "") << Describe(role, scopes);
      // What the coach needs to handle the referral remains.
      EXPECT_NE(referral.state(), wor::v1::REFERRAL_STATE_UNSPECIFIED);
      EXPECT_TRUE(referral.has_referrer());
    }
  }
}

TEST(DisclosurePolicyTest, ACoachNeverSeesThePracticesPatientReference) {
  wor::v1::Referral referral = ReferralWithConsent({kShareWithCoach});
  DiscloseReferral(wor::v1::USER_ROLE_COACH, referral);
  EXPECT_EQ(referral.patient().ehr_patient_reference(), "");
  EXPECT_EQ(referral.patient().phone(), "x");
}

TEST(DisclosurePolicyTest,
     AReferrerWithoutFeedbackConsentSeesOnlyThatFeedbackExists) {
  for (UserRole role : {wor::v1::USER_ROLE_GP, wor::v1::USER_ROLE_POH}) {
    for (const std::vector<ConsentScope>& scopes : AllConsentStates()) {
      if (Has(scopes, kFeedbackToReferrer)) continue;
      wor::v1::Feedback feedback = WithEveryField<wor::v1::Feedback>();
      feedback.set_content_withheld(false);
      const std::vector<ConsentScope> relied_on =
          DiscloseFeedback(role, ConsentOf(scopes), feedback);
      EXPECT_EQ(feedback.summary(), "") << Describe(role, scopes);
      EXPECT_NE(feedback.kind(), wor::v1::FEEDBACK_KIND_UNSPECIFIED);
      EXPECT_TRUE(feedback.has_send_time()) << Describe(role, scopes);
      EXPECT_TRUE(feedback.content_withheld()) << Describe(role, scopes);
      EXPECT_THAT(relied_on, IsEmpty()) << Describe(role, scopes);
    }
  }
}

TEST(DisclosurePolicyTest, AReferrerWithFeedbackConsentReadsTheSummary) {
  wor::v1::Feedback feedback = WithEveryField<wor::v1::Feedback>();
  feedback.set_content_withheld(false);
  const std::vector<ConsentScope> relied_on = DiscloseFeedback(
      wor::v1::USER_ROLE_GP, ConsentOf({kShareWithCoach, kFeedbackToReferrer}),
      feedback);
  EXPECT_EQ(feedback.summary(), "x");
  EXPECT_FALSE(feedback.content_withheld());
  EXPECT_THAT(relied_on, ElementsAre(kFeedbackToReferrer));
}

TEST(DisclosurePolicyTest,
     ReferrerWithoutFeedbackConsentSeesNoScoresActivityOrClosing) {
  wor::v1::Referral referral = ReferralWithConsent({kShareWithCoach});
  DiscloseReferral(wor::v1::USER_ROLE_GP, referral);
  EXPECT_FALSE(referral.intake().has_scores());
  EXPECT_TRUE(referral.intake().has_scheduled_time());
  EXPECT_FALSE(referral.has_activity());
  EXPECT_FALSE(referral.has_closing());
  EXPECT_EQ(referral.patient().given_name(), "x");
}

TEST(DisclosurePolicyTest, PartnersPrivacyOfficersAndAdminsSeeNothing) {
  for (UserRole role :
       {wor::v1::USER_ROLE_PARTNER_ANALYST, wor::v1::USER_ROLE_PRIVACY_OFFICER,
        wor::v1::USER_ROLE_ADMIN, wor::v1::USER_ROLE_UNSPECIFIED}) {
    wor::v1::Referral referral =
        ReferralWithConsent({kShareWithCoach, kFeedbackToReferrer,
                             wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED,
                             wor::v1::CONSENT_SCOPE_RESEARCH});
    EXPECT_THAT(DiscloseReferral(role, referral), IsEmpty());
    EXPECT_EQ(referral.ByteSizeLong(), 0u) << wor::v1::UserRole_Name(role);

    wor::v1::Feedback feedback = WithEveryField<wor::v1::Feedback>();
    EXPECT_THAT(
        DiscloseFeedback(role, ConsentOf({kFeedbackToReferrer}), feedback),
        IsEmpty());
    EXPECT_EQ(feedback.ByteSizeLong(), 0u) << wor::v1::UserRole_Name(role);
  }
}

// ---------------------------------------------------------------------------
// The scopes reported for the audit record.

TEST(DisclosurePolicyTest, ACoachReadingPatientDetailsReliesOnShareWithCoach) {
  wor::v1::Referral referral =
      ReferralWithConsent({kShareWithCoach, kFeedbackToReferrer});
  EXPECT_THAT(DiscloseReferral(wor::v1::USER_ROLE_COACH, referral),
              ElementsAre(kShareWithCoach));
}

TEST(DisclosurePolicyTest, AGpReadingScoresReliesOnFeedbackToReferrer) {
  wor::v1::Referral referral =
      ReferralWithConsent({kShareWithCoach, kFeedbackToReferrer});
  EXPECT_THAT(DiscloseReferral(wor::v1::USER_ROLE_GP, referral),
              ElementsAre(kFeedbackToReferrer));
}

TEST(DisclosurePolicyTest, NothingIsReliedOnWhenNoConsentGatedFieldIsPresent) {
  wor::v1::Referral referral =
      ReferralWithConsent({kShareWithCoach, kFeedbackToReferrer});
  referral.clear_intake();
  referral.clear_activity();
  referral.clear_closing();
  EXPECT_THAT(DiscloseReferral(wor::v1::USER_ROLE_GP, referral), IsEmpty());

  wor::v1::Referral bare;
  bare.set_state(wor::v1::REFERRAL_STATE_REQUESTED);
  bare.mutable_consent()->add_scopes(kShareWithCoach);
  EXPECT_THAT(DiscloseReferral(wor::v1::USER_ROLE_COACH, bare), IsEmpty());

  wor::v1::Feedback feedback;
  feedback.set_kind(wor::v1::FEEDBACK_KIND_AFTER_INTAKE);
  EXPECT_THAT(DiscloseFeedback(wor::v1::USER_ROLE_GP,
                               ConsentOf({kFeedbackToReferrer}), feedback),
              IsEmpty());
  EXPECT_FALSE(feedback.content_withheld());
}

TEST(DisclosurePolicyTest, ACoachReadingResultsReliesOnNoScope) {
  wor::v1::Referral referral = ReferralWithConsent({kShareWithCoach});
  referral.clear_patient();
  referral.clear_patient_question();
  referral.clear_indicators();
  referral.clear_contra_indications();
  referral.clear_conversation();
  referral.mutable_milestones()->clear_age_band();
  EXPECT_THAT(DiscloseReferral(wor::v1::USER_ROLE_COORDINATOR, referral),
              IsEmpty());
  EXPECT_TRUE(referral.intake().has_scores());
  EXPECT_TRUE(referral.has_closing());
}

TEST(DisclosurePolicyTest, UnknownFieldsAreNotPassedOn) {
  wor::v1::Referral referral = ReferralWithConsent({kShareWithCoach});
  referral.GetReflection()->MutableUnknownFields(&referral)->AddVarint(999, 1);
  DiscloseReferral(wor::v1::USER_ROLE_COACH, referral);
  EXPECT_TRUE(referral.GetReflection()->GetUnknownFields(referral).empty());
}

}  // namespace
}  // namespace wor::server
