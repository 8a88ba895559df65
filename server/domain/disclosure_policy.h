// What each role sees of a referral and its feedback, in each consent state,
// as one declarative table. Every response that carries a referral or
// feedback (get, list, verb results, replayed retries, stream events) passes
// through DiscloseReferral or DiscloseFeedback just before it leaves the
// server; what the table does not make visible is cleared.
//
// The table follows "Consent and privacy" in DOMAIN.md: the coach gets the
// referral reason and contact details only with CONSENT_SCOPE_SHARE_WITH_COACH,
// the referrer gets the coach's results (scores, activity, closing, feedback
// summary) only with CONSENT_SCOPE_FEEDBACK_TO_REFERRER, the BSN and the
// server's patient pseudonym never leave, and the EHR's patient id stays with
// the practice. Partner analysts, privacy officers and administrators never
// receive single referrals: for them everything is cleared.
//
// Rules name field paths; the longest rule whose path is a prefix of a field's
// path (at field boundaries: "patient" covers "patient.phone", not
// "patient_question") decides. A field no rule covers is never disclosed;
// the test makes sure there is none.
//
// Example:
//
//   std::vector<wor::v1::ConsentScope> relied_on =
//       DiscloseReferral(caller.role, referral);
//   audit.reads_with_consent = relied_on;  // for the NEN 7513 record
//
// Thread-safety: stateless; the table and the plan compiled from it on first
// use are immutable, so any number of threads may call these at once.
#ifndef WOR_SERVER_DOMAIN_DISCLOSURE_POLICY_H_
#define WOR_SERVER_DOMAIN_DISCLOSURE_POLICY_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/identity.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// Whether one side sees a field: never, always, or while the patient's
// consent includes `scope`.
struct Visibility {
  enum class Kind { kNever, kAlways, kWithConsent };

  static constexpr Visibility Never() {
    return {Kind::kNever, wor::v1::CONSENT_SCOPE_UNSPECIFIED};
  }
  static constexpr Visibility Always() {
    return {Kind::kAlways, wor::v1::CONSENT_SCOPE_UNSPECIFIED};
  }
  static constexpr Visibility WithConsent(wor::v1::ConsentScope scope) {
    return {Kind::kWithConsent, scope};
  }

  Kind kind;
  // Only meaningful for kWithConsent.
  wor::v1::ConsentScope scope;
};

// One row of the table.
struct DisclosureRule {
  // Full name of the message the path starts in: "wor.v1.Referral" or
  // "wor.v1.Feedback".
  absl::string_view message;
  // Field path, e.g. "patient.phone"; covers the subtree below it.
  absl::string_view path;
  // What the referring practice sees (USER_ROLE_GP, USER_ROLE_POH).
  Visibility referrer_side;
  // What the welfare organisation sees (USER_ROLE_COACH,
  // USER_ROLE_COORDINATOR).
  Visibility coach_side;
};

// Applies the table to `referral` in place for a caller in `role`. The
// consent state is the referral's own `consent.scopes` (what is in force
// now). Returns the consent scopes the disclosure relied on (those that made
// at least one present field visible), sorted, without duplicates — for the
// audit record.
std::vector<wor::v1::ConsentScope> DiscloseReferral(
    wor::v1::UserRole role, wor::v1::Referral& referral);

// Applies the table to `feedback` of a referral whose consent is `consent`,
// in place, for a caller in `role`. When this caller may not see the summary,
// sets `content_withheld`: the referrer still sees that feedback exists, its
// kind and its times. Returns the relied-on scopes as DiscloseReferral does.
std::vector<wor::v1::ConsentScope> DiscloseFeedback(
    wor::v1::UserRole role, const wor::v1::ConsentRecord& consent,
    wor::v1::Feedback& feedback);

// The table itself, for tests and documentation. Every top-level field of
// Referral and Feedback has a row of its own.
absl::Span<const DisclosureRule> DisclosureTable();

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DISCLOSURE_POLICY_H_
