#include "server/domain/referral_mutator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/status_macros.h"
#include "server/domain/deadline_tracking.h"
#include "server/domain/disclosure.h"
#include "server/domain/field_checks.h"
#include "server/domain/idempotency.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {

absl::Status ReferralNotFound(const std::string& name) {
  return absl::NotFoundError(absl::StrCat(
      name, " was not found; check the name (ListReferrals shows yours)"));
}

absl::StatusOr<wor::v1::Referral> LoadReferral(Store& store,
                                               absl::string_view field,
                                               const std::string& name) {
  WOR_ASSIGN_OR_RETURN(std::string id, ParseReferralName(field, name));
  absl::StatusOr<StoredReferral> stored = store.GetReferral(id);
  if (absl::IsNotFound(stored.status())) return ReferralNotFound(name);
  if (!stored.ok()) return stored.status();
  stored->referral.set_etag(EtagForRevision(stored->revision));
  RedactForDisclosure(stored->referral);
  return std::move(stored->referral);
}

absl::StatusOr<wor::v1::Referral> ReferralMutator::Apply(const VerbCall& call,
                                                         const Change& change) {
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
  const absl::string_view method = ReferralVerbName(call.verb);
  const absl::Time now = clock_->Now();

  wor::v1::Referral result;
  WOR_RETURN_IF_ERROR(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    WOR_ASSIGN_OR_RETURN(bool replayed, ReplayIfSeen(tx, call.request_id,
                                                     method, digest, &result));
    if (replayed) return absl::OkStatus();

    absl::StatusOr<StoredReferral> stored = tx.GetReferral(id);
    if (absl::IsNotFound(stored.status())) return ReferralNotFound(call.name);
    if (!stored.ok()) return stored.status();
    if (expected_revision && *expected_revision != stored->revision) {
      return absl::AbortedError(
          "etag: the referral was changed by someone else since you read it; "
          "get it again, check, and retry your change");
    }
    WOR_RETURN_IF_ERROR(CheckVerbAllowed(stored->referral.state(), call.verb));

    wor::v1::Referral updated = stored->referral;
    const wor::v1::ReferralState old_state = updated.state();
    WOR_RETURN_IF_ERROR(change(updated, now));
    if (IsTerminalState(updated.state())) {
      CloseOpenDeadlines(updated.mutable_deadlines());
    }
    *updated.mutable_update_time() = ToTimestamp(now);
    updated.set_etag(EtagForRevision(stored->revision + 1));
    WOR_RETURN_IF_ERROR(tx.UpdateReferral(id, stored->revision, updated));

    wor::v1::ReferralEvent event;
    if (updated.state() != old_state) {
      event.set_type(wor::v1::REFERRAL_EVENT_TYPE_STATE_CHANGED);
    } else if (call.verb == ReferralVerb::kRecordContactAttempt) {
      event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CONTACT_ATTEMPT_RECORDED);
    } else {
      event.set_type(wor::v1::REFERRAL_EVENT_TYPE_UPDATED);
    }
    *event.mutable_referral() = updated;
    *event.mutable_event_time() = ToTimestamp(now);
    WOR_RETURN_IF_ERROR(tx.AppendEvent(event));
    result = std::move(updated);
    return RememberResult(tx, call.request_id, method, digest, result);
  }));
  RedactForDisclosure(result);
  return result;
}

}  // namespace wor::server
