// The referral's own lifecycle: create (validated, assigned to the
// practice's welfare organisation, deadlines computed), read, list, and the
// verbs Accept, Reject, Cancel, PutOnHold and Resume. The coach's verbs are
// in IntakeWorkflow; feedback in FeedbackWorkflow.
//
// Thread-safe. Does not own its dependencies, which must outlive it.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_REFERRAL_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/patient_pseudonyms.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

class ReferralWorkflow {
 public:
  ReferralWorkflow(Store* store, const Clock* clock,
                   const RegionDirectory* region,
                   const PatientPseudonyms* pseudonyms);

  absl::StatusOr<wor::v1::Referral> Create(
      const CallContext& call, const wor::v1::CreateReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> Get(
      const CallContext& call, const wor::v1::GetReferralRequest& request);
  absl::StatusOr<wor::v1::ListReferralsResponse> List(
      const CallContext& call, const wor::v1::ListReferralsRequest& request);

  absl::StatusOr<wor::v1::Referral> Accept(
      const CallContext& call, const wor::v1::AcceptReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> Reject(
      const CallContext& call, const wor::v1::RejectReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> Cancel(
      const CallContext& call, const wor::v1::CancelReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> PutOnHold(
      const CallContext& call,
      const wor::v1::PutReferralOnHoldRequest& request);
  absl::StatusOr<wor::v1::Referral> Resume(
      const CallContext& call, const wor::v1::ResumeReferralRequest& request);

 private:
  absl::StatusOr<wor::v1::Referral> BuildNewReferral(
      const wor::v1::Referral& input, absl::Time now) const;

  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  const PatientPseudonyms* pseudonyms_;
  ReferralMutator mutator_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_WORKFLOW_H_
