#include "server/domain/disclosure_policy.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/repeated_field.h"
#include "google/protobuf/unknown_field_set.h"

namespace wor::server {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Message;
using ::google::protobuf::Reflection;
using ::google::protobuf::RepeatedField;
using wor::v1::ConsentScope;
using wor::v1::UserRole;

constexpr absl::string_view kReferral = "wor.v1.Referral";
constexpr absl::string_view kFeedback = "wor.v1.Feedback";

constexpr Visibility kNever = Visibility::Never();
constexpr Visibility kAlways = Visibility::Always();
constexpr Visibility kIfShareWithCoach =
    Visibility::WithConsent(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH);
constexpr Visibility kIfFeedbackToReferrer =
    Visibility::WithConsent(wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER);

// Columns: message, path, referrer side (GP, POH), coach side (COACH,
// COORDINATOR). Every top-level field is listed, so that a new field is a
// decision rather than an accident.
// clang-format off
constexpr DisclosureRule kTable[] = {
  // Who referred and how: the coach needs it to report back.
  {kReferral, "name",                          kAlways, kAlways},
  {kReferral, "referrer",                      kAlways, kAlways},
  {kReferral, "route",                         kAlways, kAlways},
  {kReferral, "consent",                       kAlways, kAlways},
  // The patient: the practice's own data; the coach's only by consent.
  {kReferral, "patient",                       kAlways, kIfShareWithCoach},
  {kReferral, "patient.ehr_patient_reference", kAlways, kNever},
  {kReferral, "patient.bsn",                   kNever,  kNever},
  {kReferral, "patient_pseudonym",             kNever,  kNever},
  // Why the patient is referred.
  {kReferral, "patient_question",              kAlways, kIfShareWithCoach},
  {kReferral, "indicators",                    kAlways, kIfShareWithCoach},
  {kReferral, "contra_indications",            kAlways, kIfShareWithCoach},
  {kReferral, "conversation",                  kAlways, kIfShareWithCoach},
  // Where the referral stands: codes, dates and states, both sides.
  {kReferral, "welfare_organisation",          kAlways, kAlways},
  {kReferral, "region",                        kAlways, kAlways},
  {kReferral, "state",                         kAlways, kAlways},
  {kReferral, "held_state",                    kAlways, kAlways},
  {kReferral, "hold_reason",                   kAlways, kAlways},
  {kReferral, "rejection_reason",              kAlways, kAlways},
  {kReferral, "cancellation_reason",           kAlways, kAlways},
  {kReferral, "deadlines",                     kAlways, kAlways},
  {kReferral, "contact_attempts",              kAlways, kAlways},
  {kReferral, "intake",                        kAlways, kAlways},
  {kReferral, "etag",                          kAlways, kAlways},
  {kReferral, "create_time",                   kAlways, kAlways},
  {kReferral, "update_time",                   kAlways, kAlways},
  {kReferral, "personal_data_erased",          kAlways, kAlways},
  {kReferral, "assigned_coach",                kAlways, kAlways},
  // Monitoring's measures: dates and working days; the age band follows
  // the birth date it comes from.
  {kReferral, "milestones",                    kAlways, kAlways},
  {kReferral, "milestones.age_band",           kAlways, kIfShareWithCoach},
  // The escalation scanner's bookkeeping.
  {kReferral, "next_deadline_alarm_time",      kNever,  kNever},
  // The coach's results: the referrer's only by consent.
  {kReferral, "intake.scores",                 kIfFeedbackToReferrer, kAlways},
  {kReferral, "activity",                      kIfFeedbackToReferrer, kAlways},
  {kReferral, "closing",                       kIfFeedbackToReferrer, kAlways},
  {kReferral, "closing.scores",                kIfFeedbackToReferrer, kAlways},

  // Feedback: that it exists, always; what it says, by consent.
  {kFeedback, "name",                          kAlways, kAlways},
  {kFeedback, "kind",                          kAlways, kAlways},
  {kFeedback, "summary",                       kIfFeedbackToReferrer, kAlways},
  {kFeedback, "send_time",                     kAlways, kAlways},
  {kFeedback, "acknowledge_time",              kAlways, kAlways},
  {kFeedback, "content_withheld",              kAlways, kAlways},
};
// clang-format on

bool SameVisibility(const Visibility& a, const Visibility& b) {
  return a.kind == b.kind &&
         (a.kind != Visibility::Kind::kWithConsent || a.scope == b.scope);
}

// Whether `path` is `prefix` or lies below it, at a field boundary.
bool IsAtOrBelow(absl::string_view path, absl::string_view prefix) {
  return absl::StartsWith(path, prefix) &&
         (path.size() == prefix.size() || path[prefix.size()] == '.');
}

// The rule with the longest path covering `path`; nullptr if none does.
const DisclosureRule* RuleFor(absl::string_view message,
                              absl::string_view path) {
  const DisclosureRule* best = nullptr;
  for (const DisclosureRule& rule : kTable) {
    if (rule.message != message || !IsAtOrBelow(path, rule.path)) continue;
    if (best == nullptr || rule.path.size() > best->path.size()) best = &rule;
  }
  return best;
}

// Which side of the referral a role is on.
enum class Side { kNone, kReferrer, kCoach };

Side SideOf(UserRole role) {
  switch (role) {
    case wor::v1::USER_ROLE_GP:
    case wor::v1::USER_ROLE_POH:
      return Side::kReferrer;
    case wor::v1::USER_ROLE_COACH:
    case wor::v1::USER_ROLE_COORDINATOR:
      return Side::kCoach;
    default:
      return Side::kNone;
  }
}

// Consent scopes as a bit set: bit n stands for ConsentScope value n.
using ScopeMask = uint32_t;

ScopeMask BitOf(int scope) {
  return scope > 0 && scope < 32 ? ScopeMask{1} << scope : 0;
}

ScopeMask MaskOf(const RepeatedField<int>& scopes) {
  ScopeMask mask = 0;
  for (int scope : scopes) mask |= BitOf(scope);
  return mask;
}

std::vector<ConsentScope> ScopesOf(ScopeMask mask) {
  std::vector<ConsentScope> scopes;
  for (int scope = 1; scope < 32; ++scope) {
    if ((mask & BitOf(scope)) != 0) {
      scopes.push_back(static_cast<ConsentScope>(scope));
    }
  }
  return scopes;
}

bool Grants(const Visibility& visibility, ScopeMask in_force) {
  switch (visibility.kind) {
    case Visibility::Kind::kAlways:
      return true;
    case Visibility::Kind::kWithConsent:
      return (in_force & BitOf(visibility.scope)) != 0;
    case Visibility::Kind::kNever:
      return false;
  }
  return false;
}

// The table compiled against the descriptors: per message, one entry per
// field with its effective visibility, and a nested plan only where rules
// further down differ from the field's own.
struct MessagePlan;

struct FieldPlan {
  const FieldDescriptor* field;
  Visibility referrer_side;
  Visibility coach_side;
  const MessagePlan* below;  // nullptr: the whole subtree follows this field.
};

struct MessagePlan {
  std::vector<FieldPlan> fields;
};

class CompiledPolicy {
 public:
  static const CompiledPolicy& Get() {
    static const CompiledPolicy* const policy = new CompiledPolicy();
    return *policy;
  }

  const MessagePlan& referral() const { return *referral_; }
  const MessagePlan& feedback() const { return *feedback_; }
  const Visibility& summary(Side side) const {
    return side == Side::kReferrer ? summary_referrer_ : summary_coach_;
  }

 private:
  CompiledPolicy()
      : referral_(Compile(wor::v1::Referral::descriptor(), kReferral, "")),
        feedback_(Compile(wor::v1::Feedback::descriptor(), kFeedback, "")) {
    const DisclosureRule* summary = RuleFor(kFeedback, "summary");
    summary_referrer_ = summary ? summary->referrer_side : kNever;
    summary_coach_ = summary ? summary->coach_side : kNever;
  }

  const MessagePlan* Compile(const Descriptor* descriptor,
                             absl::string_view message,
                             absl::string_view prefix) {
    auto plan = std::make_unique<MessagePlan>();
    for (int i = 0; i < descriptor->field_count(); ++i) {
      const FieldDescriptor* field = descriptor->field(i);
      const std::string path = prefix.empty()
                                   ? field->name()
                                   : absl::StrCat(prefix, ".", field->name());
      // A field no rule covers is never disclosed.
      const DisclosureRule* rule = RuleFor(message, path);
      FieldPlan entry{field, rule ? rule->referrer_side : kNever,
                      rule ? rule->coach_side : kNever, nullptr};
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
          !field->is_repeated() && RulesBelowDiffer(message, path, entry)) {
        entry.below = Compile(field->message_type(), message, path);
      }
      plan->fields.push_back(entry);
    }
    plans_.push_back(std::move(plan));
    return plans_.back().get();
  }

  static bool RulesBelowDiffer(absl::string_view message,
                               absl::string_view path, const FieldPlan& entry) {
    for (const DisclosureRule& rule : kTable) {
      if (rule.message == message && rule.path.size() > path.size() &&
          IsAtOrBelow(rule.path, path) &&
          (!SameVisibility(rule.referrer_side, entry.referrer_side) ||
           !SameVisibility(rule.coach_side, entry.coach_side))) {
        return true;
      }
    }
    return false;
  }

  std::vector<std::unique_ptr<MessagePlan>> plans_;
  const MessagePlan* referral_;
  const MessagePlan* feedback_;
  Visibility summary_referrer_ = kNever;
  Visibility summary_coach_ = kNever;
};

bool IsPresent(const Reflection& reflection, const Message& message,
               const FieldDescriptor* field) {
  return field->is_repeated() ? reflection.FieldSize(message, field) > 0
                              : reflection.HasField(message, field);
}

bool IsEmpty(const MessagePlan& plan, const Message& message) {
  const Reflection& reflection = *message.GetReflection();
  for (const FieldPlan& entry : plan.fields) {
    if (IsPresent(reflection, message, entry.field)) return false;
  }
  return true;
}

// Clears in `message` what `side` may not see under the scopes `in_force`;
// adds to `relied_on` each scope that made a present field visible.
void Apply(const MessagePlan& plan, Side side, ScopeMask in_force,
           Message& message, ScopeMask& relied_on) {
  const Reflection& reflection = *message.GetReflection();
  // Fields this binary does not know have no rule, so they do not leave.
  reflection.MutableUnknownFields(&message)->Clear();
  for (const FieldPlan& entry : plan.fields) {
    const Visibility& visibility =
        side == Side::kReferrer ? entry.referrer_side : entry.coach_side;
    if (!IsPresent(reflection, message, entry.field)) continue;
    const bool visible = Grants(visibility, in_force);
    if (entry.below != nullptr) {
      Message& child = *reflection.MutableMessage(&message, entry.field);
      Apply(*entry.below, side, in_force, child, relied_on);
      // Do not even reveal that a hidden part exists.
      if (!visible && IsEmpty(*entry.below, child)) {
        reflection.ClearField(&message, entry.field);
      }
    } else if (!visible) {
      reflection.ClearField(&message, entry.field);
    } else if (visibility.kind == Visibility::Kind::kWithConsent) {
      relied_on |= BitOf(visibility.scope);
    }
  }
}

}  // namespace

std::vector<ConsentScope> DiscloseReferral(UserRole role,
                                           wor::v1::Referral& referral) {
  const Side side = SideOf(role);
  if (side == Side::kNone) {
    referral.Clear();
    return {};
  }
  // Read before the walk: the walk may clear the consent itself.
  const ScopeMask in_force = MaskOf(referral.consent().scopes());
  ScopeMask relied_on = 0;
  Apply(CompiledPolicy::Get().referral(), side, in_force, referral, relied_on);
  return ScopesOf(relied_on);
}

std::vector<ConsentScope> DiscloseFeedback(
    UserRole role, const wor::v1::ConsentRecord& consent,
    wor::v1::Feedback& feedback) {
  const Side side = SideOf(role);
  if (side == Side::kNone) {
    feedback.Clear();
    return {};
  }
  const CompiledPolicy& policy = CompiledPolicy::Get();
  const ScopeMask in_force = MaskOf(consent.scopes());
  ScopeMask relied_on = 0;
  Apply(policy.feedback(), side, in_force, feedback, relied_on);
  // Withheld means "not for this caller", whether or not there was text.
  if (!Grants(policy.summary(side), in_force)) {
    feedback.set_content_withheld(true);
  }
  return ScopesOf(relied_on);
}

absl::Span<const DisclosureRule> DisclosureTable() { return kTable; }

}  // namespace wor::server
