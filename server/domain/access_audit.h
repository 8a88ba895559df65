// The NEN 7513 access log, as the domain writes it: one AuditRecord per
// access to personal data — allowed or denied — appended in the transaction
// of the access itself (for reads: committed before the data is returned).
//
//   tx.AppendAudit(audit.Record(call, {&referral}, relied_on));
//
// Thread-safe.
#ifndef WOR_SERVER_DOMAIN_ACCESS_AUDIT_H_
#define WOR_SERVER_DOMAIN_ACCESS_AUDIT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/store.h"
#include "wor/v1/audit.pb.h"

namespace wor::server {

// The kind of access a method is (READ for Get…, LIST for List…, …).
wor::v1::AuditEventType AuditEventForMethod(absl::string_view method);

// What an access touched: resource names and the patients they belong to.
struct AccessedObjects {
  std::vector<std::string> names;
  std::vector<std::string> patient_pseudonyms;

  void Add(const std::string& name, const std::string& pseudonym);
};

class AccessAudit {
 public:
  AccessAudit(Store* store, const Clock* clock)
      : store_(store), clock_(clock) {}

  // The record of an allowed access, at the clock's now.
  wor::v1::AuditRecord Allowed(
      const CallContext& call, const AccessedObjects& objects,
      const std::vector<wor::v1::ConsentScope>& consent_relied_on) const;

  // Writes the record of a refused access in its own transaction (the
  // refused call changed nothing). `object` is the name asked for, if any.
  absl::Status RecordDenied(const CallContext& call,
                            const std::string& object) const;

  // Runs `fn` in a store transaction; when it ends in NOT_FOUND (missing, or
  // outside the caller's relationship — the same to the caller) or
  // PERMISSION_DENIED, records the denied attempt on `object`.
  absl::Status WriteOrRecordDenied(const CallContext& call,
                                   const std::string& object,
                                   const Store::WriteFunction& fn) const;

  // Appends an allowed-access record in its own transaction (reads that
  // do not otherwise write).
  absl::Status RecordRead(
      const CallContext& call, const AccessedObjects& objects,
      const std::vector<wor::v1::ConsentScope>& consent_relied_on) const;

 private:
  wor::v1::AuditRecord Base(const CallContext& call) const;

  Store* store_;
  const Clock* clock_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_ACCESS_AUDIT_H_
