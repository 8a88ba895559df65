#include "server/domain/referral_access.h"

#include <algorithm>

#include "server/domain/access_policy.h"
#include "server/domain/disclosure_policy.h"
#include "server/domain/referral_mutator.h"

namespace wor::server {
namespace {

absl::StatusOr<StoredReferral> Covered(absl::StatusOr<StoredReferral> stored,
                                       const CallContext& call,
                                       const std::string& name) {
  if (absl::IsNotFound(stored.status())) return ReferralNotFound(name);
  if (!stored.ok()) return stored.status();
  if (!CoversReferral(call, stored->referral)) return ReferralNotFound(name);
  stored->referral.set_etag(EtagForRevision(stored->revision));
  return stored;
}

}  // namespace

absl::StatusOr<StoredReferral> LoadCoveredReferral(WriteTransaction& tx,
                                                   const CallContext& call,
                                                   const std::string& id,
                                                   const std::string& name) {
  return Covered(tx.GetReferral(id), call, name);
}

absl::StatusOr<StoredReferral> LoadCoveredReferral(Store& store,
                                                   const CallContext& call,
                                                   const std::string& id,
                                                   const std::string& name) {
  return Covered(store.GetReferral(id), call, name);
}

std::vector<wor::v1::ConsentScope> DiscloseToCaller(
    const CallContext& call, wor::v1::Referral& referral) {
  return DiscloseReferral(call.caller.role, referral);
}

std::vector<wor::v1::ConsentScope> DiscloseToCaller(
    const CallContext& call, const wor::v1::ConsentRecord& consent,
    wor::v1::Feedback& feedback) {
  return DiscloseFeedback(call.caller.role, consent, feedback);
}

void MergeConsent(std::vector<wor::v1::ConsentScope>& into,
                  const std::vector<wor::v1::ConsentScope>& more) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

}  // namespace wor::server
