// The referral's own lifecycle: create (validated, assigned to the
// practice's welfare organisation, deadlines computed), read, list, and the
// verbs Accept, Reject, Cancel, PutOnHold and Resume. The coach's verbs are
// in IntakeWorkflow; feedback in FeedbackWorkflow.
//
// Thread-safe. Does not own its dependencies, which must outlive it.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_REFERRAL_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "server/domain/clock.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

class ReferralWorkflow {
 public:
  ReferralWorkflow(Store* store, const Clock* clock,
                   const RegionDirectory* region);

  absl::StatusOr<wor::v1::Referral> Create(
      const wor::v1::CreateReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> Get(
      const wor::v1::GetReferralRequest& request);
  absl::StatusOr<wor::v1::ListReferralsResponse> List(
      const wor::v1::ListReferralsRequest& request);

  absl::StatusOr<wor::v1::Referral> Accept(
      const wor::v1::AcceptReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> Reject(
      const wor::v1::RejectReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> Cancel(
      const wor::v1::CancelReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> PutOnHold(
      const wor::v1::PutReferralOnHoldRequest& request);
  absl::StatusOr<wor::v1::Referral> Resume(
      const wor::v1::ResumeReferralRequest& request);

 private:
  absl::StatusOr<wor::v1::Referral> BuildNewReferral(
      const wor::v1::Referral& input, absl::Time now) const;

  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  ReferralMutator mutator_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_WORKFLOW_H_
