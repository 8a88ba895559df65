#include "bench/create_transaction_workload.h"

#include <openssl/rand.h>

#include <optional>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/domain/idempotency.h"
#include "server/domain/referral_access.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"
#include "server/store/sqlite_store.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {
namespace {

absl::StatusOr<std::string> RandomBytes(int count) {
  std::string bytes(static_cast<size_t>(count), '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1) {
    return absl::InternalError("OpenSSL's random generator failed");
  }
  return bytes;
}

}  // namespace

absl::StatusOr<std::unique_ptr<CreateTransactionWorkload>>
CreateTransactionWorkload::Open(const std::string& directory,
                                const wor::v1::Referral& referral,
                                const CallContext& caller, int patients,
                                const Clock* clock) {
  std::unique_ptr<CreateTransactionWorkload> workload(
      new CreateTransactionWorkload(referral, caller, clock));
  KeyringOptions keyring;
  keyring.path = directory + "/keyring.db";
  WOR_ASSIGN_OR_RETURN(std::string master, RandomBytes(32));
  keyring.master_keys.push_back({"bench-1", std::move(master)});
  keyring.active_master_key_id = "bench-1";
  WOR_ASSIGN_OR_RETURN(workload->keyring_, OpenPatientKeyring(keyring));

  SqliteStoreOptions store;
  store.path = directory + "/wor.db";
  store.max_writes_per_commit = 64;  // the configuration's default
  store.relaxed_durability = false;  // synchronous=FULL, as in production
  store.keyring = workload->keyring_.get();
  WOR_ASSIGN_OR_RETURN(workload->store_, OpenSqliteStore(store));
  workload->audit_ =
      std::make_unique<AccessAudit>(workload->store_.get(), clock);

  for (int i = 0; i < patients; ++i) {
    WOR_ASSIGN_OR_RETURN(std::string bytes, RandomBytes(16));
    workload->patients_.push_back(absl::BytesToHexString(bytes));
    // Makes the patient's data key now, not while measuring.
    WOR_RETURN_IF_ERROR(workload->Write(i, /*with_audit=*/true));
  }
  return workload;
}

absl::Status CreateTransactionWorkload::Write(int64_t n, bool with_audit) {
  // Prepared by the caller's thread, as ReferralWorkflow::Create does before
  // it calls Store::Write.
  const std::string id = NewResourceId();
  const std::string request_id = absl::StrCat("bench-", NewResourceId());
  wor::v1::Referral referral = referral_;
  referral.set_name(ReferralName(id));
  referral.set_patient_pseudonym(patients_[n % patients_.size()]);
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = referral;
  request.set_request_id(request_id);
  const std::string digest = RequestDigest(request);
  const absl::Time now = clock_->Now();

  wor::v1::Referral result;
  return store_->Write([&](WriteTransaction& tx) -> absl::Status {
    WOR_ASSIGN_OR_RETURN(
        bool replayed,
        ReplayIfSeen(tx, request_id, "CreateReferral", digest, &result));
    if (replayed) return absl::AlreadyExistsError("request id reused");
    WOR_RETURN_IF_ERROR(tx.InsertReferral(id, referral));
    wor::v1::ReferralEvent event;
    event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CREATED);
    *event.mutable_referral() = referral;
    *event.mutable_event_time() = ToTimestamp(now);
    WOR_RETURN_IF_ERROR(tx.AppendEvent(event));
    result = referral;
    WOR_RETURN_IF_ERROR(RememberResult(tx, request_id, "CreateReferral", digest,
                                       result, result.patient_pseudonym()));
    if (!with_audit) return absl::OkStatus();
    AccessedObjects objects;
    objects.Add(result.name(), result.patient_pseudonym());
    wor::v1::Referral disclosed = result;
    const std::vector<wor::v1::ConsentScope> relied_on =
        DiscloseToCaller(call_, disclosed);
    return tx.AppendAudit(audit_->Allowed(call_, objects, relied_on));
  });
}

}  // namespace wor::server
