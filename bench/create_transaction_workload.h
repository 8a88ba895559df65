// The store transaction a CreateReferral commits, with and without its audit
// record, against a durable SQLite store of its own — to measure what the
// audit chain costs where it lives. The server has no switch to turn
// auditing off (nor should it), so the comparison is made a layer down.
//
// Each Write does what ReferralWorkflow::Create (server/domain/
// referral_workflow.cc) does inside `Store::Write`: look the request id up
// (ReplayIfSeen), insert the referral, append the CREATED event, remember
// the result (RememberResult), and — with `with_audit` — disclose the
// referral to the caller for the consent scopes relied on and append the
// AccessAudit::Allowed record to the hash chain. The store seals the
// personal parts under the patient's data key. The referral and the request
// digest are prepared by the calling thread, outside the transaction, as the
// workflow does.
//
// The store is the production one: OpenSqliteStore with group commit (64
// writes per commit), synchronous=FULL, and a keyring file from
// OpenPatientKeyring. Referrals belong to a pool of patients whose data keys
// exist before measuring: making a key is the keyring's own write, not the
// create transaction's.
//
// Thread-safe (as the store is).
#ifndef WOR_BENCH_CREATE_TRANSACTION_WORKLOAD_H_
#define WOR_BENCH_CREATE_TRANSACTION_WORKLOAD_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/patient_keyring.h"
#include "server/store/store.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

class CreateTransactionWorkload {
 public:
  // `referral`: a new referral as the workflow builds it (state, deadlines,
  // consent history; name and pseudonym are replaced per write). `caller`:
  // who creates, as the server identified them. `directory` must exist;
  // `clock` must outlive the workload.
  static absl::StatusOr<std::unique_ptr<CreateTransactionWorkload>> Open(
      const std::string& directory, const wor::v1::Referral& referral,
      const CallContext& caller, int patients, const Clock* clock);

  // One create transaction for patient `n` of the pool (modulo its size).
  absl::Status Write(int64_t n, bool with_audit);

 private:
  CreateTransactionWorkload(const wor::v1::Referral& referral,
                            const CallContext& caller, const Clock* clock)
      : referral_(referral), call_(caller), clock_(clock) {}

  const wor::v1::Referral referral_;
  const CallContext call_;
  const Clock* clock_;
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<AccessAudit> audit_;
  std::vector<std::string> patients_;
};

}  // namespace wor::server

#endif  // WOR_BENCH_CREATE_TRANSACTION_WORKLOAD_H_
