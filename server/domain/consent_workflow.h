// ConsentService's domain side: the patient's consent on a referral —
// record, read, revoke, receipt. Changes go through ReferralMutator (etag,
// retries, event REFERRAL_EVENT_TYPE_CONSENT_CHANGED, audit) and are never
// restricted by the lifecycle: a patient may always withdraw.
//
// Thread-safe.
#ifndef WOR_SERVER_DOMAIN_CONSENT_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_CONSENT_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/referral_mutator.h"
#include "server/store/store.h"
#include "wor/v1/consent_service.pb.h"

namespace wor::server {

class ConsentWorkflow {
 public:
  ConsentWorkflow(Store* store, const Clock* clock, absl::TimeZone zone)
      : clock_(clock),
        zone_(zone),
        mutator_(store, clock, /*region=*/nullptr),
        audit_(store, clock) {}

  absl::StatusOr<wor::v1::ConsentRecord> Record(
      const CallContext& call, const wor::v1::RecordConsentRequest& request);
  absl::StatusOr<wor::v1::ConsentRecord> Get(
      const CallContext& call, const wor::v1::GetConsentRequest& request);
  absl::StatusOr<wor::v1::ConsentRecord> Revoke(
      const CallContext& call, const wor::v1::RevokeConsentRequest& request);
  absl::StatusOr<wor::v1::GetConsentReceiptResponse> Receipt(
      const CallContext& call,
      const wor::v1::GetConsentReceiptRequest& request);

 private:
  const Clock* clock_;
  absl::TimeZone zone_;
  ReferralMutator mutator_;
  AccessAudit audit_;
};

// The receipt text for a patient, in "nl" or "en".
std::string ConsentReceiptText(const wor::v1::Referral& referral,
                               absl::string_view language, absl::TimeZone zone);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_CONSENT_WORKFLOW_H_
