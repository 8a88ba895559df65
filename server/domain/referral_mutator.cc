#include "server/domain/referral_mutator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/status_macros.h"
#include "server/domain/access_policy.h"
#include "server/domain/deadline_tracking.h"
#include "server/domain/field_checks.h"
#include "server/domain/idempotency.h"
#include "server/domain/referral_access.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {

absl::Status ReferralNotFound(const std::string& name) {
  return absl::NotFoundError(absl::StrCat(
      name, " was not found; check the name (ListReferrals shows yours)"));
}

absl::StatusOr<wor::v1::Referral> ReferralMutator::Apply(const VerbCall& call,
                                                         const Change& change) {
  return ApplyInTransaction(
      call, [&](WriteTransaction&, wor::v1::Referral& referral,
                absl::Time now) { return change(referral, now); });
}

absl::StatusOr<wor::v1::Referral> ReferralMutator::ApplyInTransaction(
    const VerbCall& call, const ChangeInTransaction& change) {
  WOR_ASSIGN_OR_RETURN(std::string id, ParseReferralName("name", call.name));
  WOR_RETURN_IF_ERROR(CheckRequestId("request_id", call.request_id));
  std::optional<int64_t> expected_revision;
  if (!call.etag.empty()) {
    expected_revision = RevisionFromEtag(call.etag);
    if (!expected_revision) {
      return FieldError("etag",
                        "is not an etag of this server; send the etag of the "
                        "referral as last read, or none");
    }
  }
  const std::string digest = RequestDigest(call.request);
  const absl::string_view method =
      call.verb ? ReferralVerbName(*call.verb)
                : absl::string_view(call.call.method)
                      .substr(call.call.method.rfind('.') + 1);
  const absl::Time now = clock_->Now();

  wor::v1::Referral result;
  WOR_RETURN_IF_ERROR(audit_.WriteOrRecordDenied(
      call.call, call.name, [&](WriteTransaction& tx) -> absl::Status {
        WOR_ASSIGN_OR_RETURN(
            bool replayed,
            ReplayIfSeen(tx, call.request_id, method, digest, &result));
        if (replayed) {
          // A replay answers only whoever may touch the referral.
          if (!CoversReferral(call.call, result))
            return ReferralNotFound(call.name);
        } else {
          WOR_ASSIGN_OR_RETURN(
              StoredReferral stored,
              LoadCoveredReferral(tx, call.call, id, call.name));
          if (expected_revision && *expected_revision != stored.revision) {
            return absl::AbortedError(
                "etag: the referral was changed by someone else since you "
                "read it; get it again, check, and retry your change");
          }
          if (call.verb) {
            WOR_RETURN_IF_ERROR(
                CheckVerbAllowed(stored.referral.state(), *call.verb));
          }

          wor::v1::Referral updated = stored.referral;
          const wor::v1::ReferralState old_state = updated.state();
          WOR_RETURN_IF_ERROR(change(tx, updated, now));
          if (region_ != nullptr) {
            const DeadlinePolicy* policy =
                region_->PolicyFor(updated.welfare_organisation());
            if (policy == nullptr) {
              return absl::InternalError(
                  "the referral's welfare organisation is no longer "
                  "configured; its deadlines cannot be kept");
            }
            AdvanceClocks(*policy, stored.referral, now, updated);
          }
          *updated.mutable_update_time() = ToTimestamp(now);
          updated.set_etag(EtagForRevision(stored.revision + 1));
          WOR_RETURN_IF_ERROR(tx.UpdateReferral(id, stored.revision, updated));

          wor::v1::ReferralEvent event;
          if (updated.state() != old_state) {
            event.set_type(wor::v1::REFERRAL_EVENT_TYPE_STATE_CHANGED);
          } else if (call.verb == ReferralVerb::kRecordContactAttempt) {
            event.set_type(
                wor::v1::REFERRAL_EVENT_TYPE_CONTACT_ATTEMPT_RECORDED);
          } else if (!call.verb) {
            event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CONSENT_CHANGED);
          } else {
            event.set_type(wor::v1::REFERRAL_EVENT_TYPE_UPDATED);
          }
          *event.mutable_referral() = updated;
          *event.mutable_event_time() = ToTimestamp(now);
          WOR_RETURN_IF_ERROR(tx.AppendEvent(event));
          result = std::move(updated);
          WOR_RETURN_IF_ERROR(RememberResult(tx, call.request_id, method,
                                             digest, result,
                                             result.patient_pseudonym()));
        }
        AccessedObjects objects;
        objects.Add(result.name(), result.patient_pseudonym());
        // What the caller gets, and the consent it relied on.
        const std::vector<wor::v1::ConsentScope> relied_on =
            DiscloseToCaller(call.call, result);
        return tx.AppendAudit(audit_.Allowed(call.call, objects, relied_on));
      }));
  return result;
}

}  // namespace wor::server
