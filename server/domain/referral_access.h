// The one way the domain reaches a referral on behalf of a caller: loads it,
// applies the authorisation policy (a referral outside the caller's
// relationship is NOT_FOUND, exactly like a missing one) and, on the way out,
// the disclosure table.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_ACCESS_H_
#define WOR_SERVER_DOMAIN_REFERRAL_ACCESS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/store/store.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// Loads `id` (named `name` for messages) in `tx` for the call.
absl::StatusOr<StoredReferral> LoadCoveredReferral(WriteTransaction& tx,
                                                   const CallContext& call,
                                                   const std::string& id,
                                                   const std::string& name);

// Outside a transaction (streams, lists of feedback).
absl::StatusOr<StoredReferral> LoadCoveredReferral(Store& store,
                                                   const CallContext& call,
                                                   const std::string& id,
                                                   const std::string& name);

// Which view of the referral a read returns.
enum class ReadView {
  // What the caller may see: the disclosure table applied; the audit record
  // names the consent relied on.
  kDisclosed,
  // As stored, for a call that returns only a part the table always shows
  // (consent) or needs internal fields (the patient pseudonym).
  kInternal,
};

// One audited read of the referral `name` (request field `field`) in a store
// transaction: loads it for the call and appends the audit record of the
// read in the same transaction. Missing or outside the caller's relationship
// is NOT_FOUND, recorded as a denied attempt.
absl::StatusOr<wor::v1::Referral> ReadReferralForCall(const AccessAudit& audit,
                                                      const CallContext& call,
                                                      absl::string_view field,
                                                      const std::string& name,
                                                      ReadView view);

// Applies the disclosure table for the caller's role; returns the consent
// scopes relied on.
std::vector<wor::v1::ConsentScope> DiscloseToCaller(
    const CallContext& call, wor::v1::Referral& referral);
std::vector<wor::v1::ConsentScope> DiscloseToCaller(
    const CallContext& call, const wor::v1::ConsentRecord& consent,
    wor::v1::Feedback& feedback);

// Merges two relied-on lists (sorted, unique).
void MergeConsent(std::vector<wor::v1::ConsentScope>& into,
                  const std::vector<wor::v1::ConsentScope>& more);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_ACCESS_H_
