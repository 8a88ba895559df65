// AuditService and PrivacyService's domain side: querying the access log,
// verifying its hash chain, the patient's access report, and erasure of a
// patient's personal data by destroying their data key.
//
// Every call here is itself audited (AUDIT_READ, ERASE).
//
// Thread-safe.
#ifndef WOR_SERVER_DOMAIN_AUDIT_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_AUDIT_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/patient_keyring.h"
#include "server/store/store.h"
#include "wor/v1/audit_service.pb.h"

namespace wor::server {

// Recomputes the chain over every stored record.
absl::StatusOr<wor::v1::VerifyAuditChainResponse> VerifyAuditChain(
    Store& store);

class AuditWorkflow {
 public:
  AuditWorkflow(Store* store, const Clock* clock, PatientKeyring* keyring,
                absl::TimeZone zone)
      : store_(store),
        clock_(clock),
        keyring_(keyring),
        zone_(zone),
        audit_(store, clock) {}

  absl::StatusOr<wor::v1::ListAuditRecordsResponse> List(
      const CallContext& call, const wor::v1::ListAuditRecordsRequest& request);
  absl::StatusOr<wor::v1::VerifyAuditChainResponse> Verify(
      const CallContext& call);
  absl::StatusOr<wor::v1::GetPatientAccessReportResponse> AccessReport(
      const CallContext& call,
      const wor::v1::GetPatientAccessReportRequest& request);
  absl::StatusOr<wor::v1::ErasePatientDataResponse> Erase(
      const CallContext& call, const wor::v1::ErasePatientDataRequest& request);

 private:
  // The pseudonym of the patient of a referral, audited as an access.
  absl::StatusOr<std::string> PatientOf(const CallContext& call,
                                        const std::string& referral_name);

  Store* store_;
  const Clock* clock_;
  PatientKeyring* keyring_;
  absl::TimeZone zone_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_AUDIT_WORKFLOW_H_
