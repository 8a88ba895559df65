#include "server/domain/referral_state_machine.h"

#include <algorithm>
#include <initializer_list>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace wor::server {
namespace {

using wor::v1::ReferralState;

struct VerbRule {
  ReferralVerb verb;
  absl::string_view name;
  std::initializer_list<ReferralState> allowed_in;
};

constexpr ReferralState kRequested = wor::v1::REFERRAL_STATE_REQUESTED;
constexpr ReferralState kAccepted = wor::v1::REFERRAL_STATE_ACCEPTED;
constexpr ReferralState kContacted = wor::v1::REFERRAL_STATE_CONTACTED;
constexpr ReferralState kIntakeScheduled =
    wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED;
constexpr ReferralState kIntakeDone = wor::v1::REFERRAL_STATE_INTAKE_DONE;
constexpr ReferralState kInProgress = wor::v1::REFERRAL_STATE_IN_PROGRESS;
constexpr ReferralState kOnHold = wor::v1::REFERRAL_STATE_ON_HOLD;

// The whole lifecycle. Reading down a column of states gives what a user
// can do in that state.
const VerbRule kRules[] = {
    {ReferralVerb::kAcceptReferral, "AcceptReferral", {kRequested}},
    {ReferralVerb::kRejectReferral, "RejectReferral", {kRequested}},
    {ReferralVerb::kRecordContactAttempt,
     "RecordContactAttempt",
     {kAccepted, kContacted}},
    {ReferralVerb::kScheduleIntake,
     "ScheduleIntake",
     {kContacted, kIntakeScheduled}},
    {ReferralVerb::kCancelIntake, "CancelIntake", {kIntakeScheduled}},
    {ReferralVerb::kRecordIntakeNoShow,
     "RecordIntakeNoShow",
     {kIntakeScheduled}},
    {ReferralVerb::kRecordIntake, "RecordIntake", {kIntakeScheduled}},
    {ReferralVerb::kChooseActivity,
     "ChooseActivity",
     {kIntakeDone, kInProgress}},
    {ReferralVerb::kCompleteReferral,
     "CompleteReferral",
     {kAccepted, kContacted, kIntakeScheduled, kIntakeDone, kInProgress}},
    {ReferralVerb::kPutReferralOnHold,
     "PutReferralOnHold",
     {kRequested, kAccepted, kContacted, kIntakeScheduled, kIntakeDone,
      kInProgress}},
    {ReferralVerb::kResumeReferral, "ResumeReferral", {kOnHold}},
    {ReferralVerb::kCancelReferral,
     "CancelReferral",
     {kRequested, kAccepted, kContacted, kIntakeScheduled, kIntakeDone,
      kInProgress, kOnHold}},
};

const VerbRule& RuleFor(ReferralVerb verb) {
  for (const VerbRule& rule : kRules) {
    if (rule.verb == verb) return rule;
  }
  return kRules[0];  // cannot happen: every verb has a rule
}

}  // namespace

const std::vector<ReferralVerb>& AllReferralVerbs() {
  static const auto* verbs = [] {
    auto* all = new std::vector<ReferralVerb>;
    for (const VerbRule& rule : kRules) all->push_back(rule.verb);
    return all;
  }();
  return *verbs;
}

absl::string_view ReferralVerbName(ReferralVerb verb) {
  return RuleFor(verb).name;
}

absl::string_view ShortStateName(ReferralState state) {
  absl::string_view name = wor::v1::ReferralState_Name(state);
  absl::ConsumePrefix(&name, "REFERRAL_STATE_");
  return name;
}

bool IsVerbAllowed(ReferralState state, ReferralVerb verb) {
  const auto& allowed = RuleFor(verb).allowed_in;
  return std::find(allowed.begin(), allowed.end(), state) != allowed.end();
}

std::vector<ReferralVerb> AllowedVerbs(ReferralState state) {
  std::vector<ReferralVerb> verbs;
  for (const VerbRule& rule : kRules) {
    if (IsVerbAllowed(state, rule.verb)) verbs.push_back(rule.verb);
  }
  return verbs;
}

absl::Status CheckVerbAllowed(ReferralState state, ReferralVerb verb) {
  if (IsVerbAllowed(state, verb)) return absl::OkStatus();
  std::vector<ReferralVerb> allowed = AllowedVerbs(state);
  std::string allowed_text =
      allowed.empty()
          ? std::string("none: the referral is closed")
          : absl::StrJoin(allowed, ", ", [](std::string* out, ReferralVerb v) {
              absl::StrAppend(out, ReferralVerbName(v));
            });
  return absl::FailedPreconditionError(
      absl::StrCat(ReferralVerbName(verb), " is not allowed: the referral is ",
                   ShortStateName(state), ". Allowed from ",
                   ShortStateName(state), ": ", allowed_text, "."));
}

bool IsTerminalState(ReferralState state) {
  return state == wor::v1::REFERRAL_STATE_REJECTED ||
         state == wor::v1::REFERRAL_STATE_COMPLETED ||
         state == wor::v1::REFERRAL_STATE_CANCELLED;
}

}  // namespace wor::server
