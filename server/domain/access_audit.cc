#include "server/domain/access_audit.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

absl::string_view ShortMethod(absl::string_view method) {
  const size_t dot = method.rfind('.');
  return dot == absl::string_view::npos ? method : method.substr(dot + 1);
}

}  // namespace

wor::v1::AuditEventType AuditEventForMethod(absl::string_view method) {
  const absl::string_view name = ShortMethod(method);
  if (absl::StartsWith(method, "wor.v1.AuditService.")) {
    return wor::v1::AUDIT_EVENT_TYPE_AUDIT_READ;
  }
  if (name == "ErasePatientData") return wor::v1::AUDIT_EVENT_TYPE_ERASE;
  if (name == "RecordConsent" || name == "RevokeConsent") {
    return wor::v1::AUDIT_EVENT_TYPE_CONSENT_CHANGE;
  }
  if (absl::StartsWith(name, "Get") || absl::StartsWith(name, "Find")) {
    return wor::v1::AUDIT_EVENT_TYPE_READ;
  }
  if (absl::StartsWith(name, "List")) return wor::v1::AUDIT_EVENT_TYPE_LIST;
  if (absl::StartsWith(name, "Watch") || absl::StartsWith(name, "Export")) {
    return wor::v1::AUDIT_EVENT_TYPE_EXPORT;
  }
  if (absl::StartsWith(name, "Create") || absl::StartsWith(name, "Send")) {
    return wor::v1::AUDIT_EVENT_TYPE_CREATE;
  }
  return wor::v1::AUDIT_EVENT_TYPE_UPDATE;
}

void AccessedObjects::Add(const std::string& name,
                          const std::string& pseudonym) {
  names.push_back(name);
  if (!pseudonym.empty()) patient_pseudonyms.push_back(pseudonym);
}

wor::v1::AuditRecord AccessAudit::Base(const CallContext& call) const {
  wor::v1::AuditRecord record;
  *record.mutable_event_time() = ToTimestamp(clock_->Now());
  record.set_event(AuditEventForMethod(call.method));
  record.set_method(call.method);
  record.set_user(call.caller.user);
  record.set_role(call.caller.role);
  record.set_responsible_user(call.caller.responsible_user);
  record.set_organisation(call.caller.organisation);
  record.mutable_access_point()->set_certificate_fingerprint(
      call.caller.certificate_fingerprint);
  record.mutable_access_point()->set_peer_address(call.caller.peer_address);
  return record;
}

wor::v1::AuditRecord AccessAudit::Allowed(
    const CallContext& call, const AccessedObjects& objects,
    const std::vector<wor::v1::ConsentScope>& consent_relied_on) const {
  wor::v1::AuditRecord record = Base(call);
  for (const std::string& name : objects.names) record.add_objects(name);
  for (const std::string& p : objects.patient_pseudonyms) {
    record.add_patient_pseudonyms(p);
  }
  for (wor::v1::ConsentScope scope : consent_relied_on) {
    record.add_consent_relied_on(scope);
  }
  record.set_outcome(wor::v1::AUDIT_OUTCOME_ALLOWED);
  return record;
}

absl::Status AccessAudit::RecordDenied(const CallContext& call,
                                       const std::string& object) const {
  wor::v1::AuditRecord record = Base(call);
  if (!object.empty()) {
    record.add_objects(object);
    // An attempt on an existing referral belongs in its patient's access
    // report, though the caller was told nothing.
    absl::string_view id = object;
    if (absl::ConsumePrefix(&id, "referrals/")) {
      id = id.substr(0, id.find('/'));
      absl::StatusOr<StoredReferral> target =
          store_->GetReferral(std::string(id));
      if (target.ok() && !target->referral.patient_pseudonym().empty()) {
        record.add_patient_pseudonyms(target->referral.patient_pseudonym());
      }
    }
  }
  record.set_outcome(wor::v1::AUDIT_OUTCOME_DENIED);
  return store_->Write(
      [&](WriteTransaction& tx) { return tx.AppendAudit(record); });
}

absl::Status AccessAudit::WriteOrRecordDenied(
    const CallContext& call, const std::string& object,
    const Store::WriteFunction& fn) const {
  absl::Status status = store_->Write(fn);
  if (absl::IsNotFound(status) || absl::IsPermissionDenied(status)) {
    absl::Status logged = RecordDenied(call, object);
    if (!logged.ok()) return logged;
  }
  return status;
}

absl::Status AccessAudit::RecordRead(
    const CallContext& call, const AccessedObjects& objects,
    const std::vector<wor::v1::ConsentScope>& consent_relied_on) const {
  wor::v1::AuditRecord record = Allowed(call, objects, consent_relied_on);
  return store_->Write(
      [&](WriteTransaction& tx) { return tx.AppendAudit(record); });
}

}  // namespace wor::server
