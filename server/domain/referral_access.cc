#include "server/domain/referral_access.h"

#include <algorithm>

#include "server/common/status_macros.h"
#include "server/domain/access_policy.h"
#include "server/domain/disclosure_policy.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/resource_names.h"

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

absl::StatusOr<wor::v1::Referral> ReadReferralForCall(const AccessAudit& audit,
                                                      const CallContext& call,
                                                      absl::string_view field,
                                                      const std::string& name,
                                                      ReadView view) {
  WOR_ASSIGN_OR_RETURN(std::string id, ParseReferralName(field, name));
  wor::v1::Referral result;
  WOR_RETURN_IF_ERROR(audit.WriteOrRecordDenied(
      call, name, [&](WriteTransaction& tx) -> absl::Status {
        WOR_ASSIGN_OR_RETURN(StoredReferral stored,
                             LoadCoveredReferral(tx, call, id, name));
        result = std::move(stored.referral);
        AccessedObjects objects;
        objects.Add(name, result.patient_pseudonym());
        std::vector<wor::v1::ConsentScope> relied_on;
        if (view == ReadView::kDisclosed) {
          relied_on = DiscloseToCaller(call, result);
        }
        return tx.AppendAudit(audit.Allowed(call, objects, relied_on));
      }));
  return result;
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
