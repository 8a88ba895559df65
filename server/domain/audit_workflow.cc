#include "server/domain/audit_workflow.h"

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/crypto/digest.h"
#include "server/domain/field_checks.h"
#include "server/domain/idempotency.h"
#include "server/domain/referral_access.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/referral_validation.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;
constexpr int kVerifyBatch = 2000;
const std::string kGenesisHash(64, '0');

std::string ChainHash(const std::string& previous_hash,
                      const std::string& record) {
  return absl::BytesToHexString(crypto::Sha256(previous_hash + record));
}

const char* EventText(wor::v1::AuditEventType event, bool nl) {
  switch (event) {
    case wor::v1::AUDIT_EVENT_TYPE_READ:
      return nl ? "ingezien" : "viewed";
    case wor::v1::AUDIT_EVENT_TYPE_LIST:
      return nl ? "in een overzicht gezien" : "seen in a list";
    case wor::v1::AUDIT_EVENT_TYPE_CREATE:
      return nl ? "aangemaakt" : "created";
    case wor::v1::AUDIT_EVENT_TYPE_UPDATE:
      return nl ? "gewijzigd" : "changed";
    case wor::v1::AUDIT_EVENT_TYPE_EXPORT:
      return nl ? "doorgegeven" : "passed on";
    case wor::v1::AUDIT_EVENT_TYPE_CONSENT_CHANGE:
      return nl ? "toestemming vastgelegd" : "consent recorded";
    case wor::v1::AUDIT_EVENT_TYPE_ERASE:
      return nl ? "gewist" : "erased";
    case wor::v1::AUDIT_EVENT_TYPE_AUDIT_READ:
      return nl ? "inzage in het logboek" : "access log read";
    default:
      return "?";
  }
}

}  // namespace

absl::StatusOr<wor::v1::VerifyAuditChainResponse> VerifyAuditChain(
    Store& store) {
  wor::v1::VerifyAuditChainResponse response;
  std::string previous = kGenesisHash;
  int64_t expected_sequence = 1;
  int64_t after = 0;
  auto broken = [&](int64_t sequence, absl::string_view problem) {
    response.set_intact(false);
    response.set_first_broken_sequence(sequence);
    response.set_problem(std::string(problem));
    return response;
  };
  while (true) {
    WOR_ASSIGN_OR_RETURN(std::vector<StoredAuditRow> rows,
                         store.ReadAuditRows(after, kVerifyBatch));
    if (rows.empty()) break;
    for (const StoredAuditRow& row : rows) {
      response.set_records_checked(response.records_checked() + 1);
      if (row.sequence != expected_sequence) {
        return broken(expected_sequence,
                      "sequence gap: a record is missing here");
      }
      wor::v1::AuditRecord record;
      if (!record.ParseFromString(row.record) ||
          record.sequence() != row.sequence) {
        return broken(row.sequence,
                      "the record does not belong at this position");
      }
      if (row.previous_hash != previous) {
        return broken(row.sequence,
                      "previous_hash does not match the record before");
      }
      if (row.hash != ChainHash(row.previous_hash, row.record)) {
        return broken(row.sequence, "hash does not match the record");
      }
      previous = row.hash;
      ++expected_sequence;
      after = row.sequence;
    }
  }
  response.set_intact(true);
  return response;
}

absl::StatusOr<std::string> AuditWorkflow::PatientOf(
    const CallContext& call, const std::string& referral_name) {
  WOR_ASSIGN_OR_RETURN(wor::v1::Referral referral,
                       ReadReferralForCall(audit_, call, "referral",
                                           referral_name, ReadView::kInternal));
  return referral.patient_pseudonym();
}

absl::StatusOr<wor::v1::ListAuditRecordsResponse> AuditWorkflow::List(
    const CallContext& call, const wor::v1::ListAuditRecordsRequest& request) {
  int page_size =
      request.page_size() == 0 ? kDefaultPageSize : request.page_size();
  if (page_size < 1 || page_size > kMaxPageSize) {
    return FieldError("page_size", "expected 1 to 1000 (0 means 100)");
  }
  int64_t after = 0;
  if (!request.page_token().empty() &&
      (!absl::SimpleAtoi(request.page_token(), &after) || after < 0)) {
    return FieldError("page_token", "pass next_page_token unchanged, or none");
  }
  AuditFilter filter;
  filter.user = request.user();
  if (request.has_start_time())
    filter.start = FromTimestamp(request.start_time());
  if (request.has_end_time()) filter.end = FromTimestamp(request.end_time());
  if (!request.referral().empty()) {
    WOR_ASSIGN_OR_RETURN(filter.patient_pseudonym,
                         PatientOf(call, request.referral()));
  } else {
    WOR_RETURN_IF_ERROR(audit_.RecordRead(call, {}, {}));
  }
  WOR_ASSIGN_OR_RETURN(std::vector<wor::v1::AuditRecord> records,
                       store_->ListAudit(filter, after, page_size + 1));
  wor::v1::ListAuditRecordsResponse response;
  const bool more = static_cast<int>(records.size()) > page_size;
  if (more) records.resize(page_size);
  for (wor::v1::AuditRecord& record : records) {
    *response.add_records() = std::move(record);
  }
  if (more) {
    response.set_next_page_token(
        absl::StrCat(response.records(page_size - 1).sequence()));
  }
  return response;
}

absl::StatusOr<wor::v1::VerifyAuditChainResponse> AuditWorkflow::Verify(
    const CallContext& call) {
  WOR_RETURN_IF_ERROR(audit_.RecordRead(call, {}, {}));
  return VerifyAuditChain(*store_);
}

absl::StatusOr<wor::v1::GetPatientAccessReportResponse>
AuditWorkflow::AccessReport(
    const CallContext& call,
    const wor::v1::GetPatientAccessReportRequest& request) {
  const std::string language =
      request.language().empty() ? "nl" : request.language();
  if (language != "nl" && language != "en") {
    return FieldError("language", "expected \"nl\" or \"en\"");
  }
  const bool nl = language == "nl";
  WOR_ASSIGN_OR_RETURN(std::string pseudonym,
                       PatientOf(call, request.referral()));
  AuditFilter filter;
  filter.patient_pseudonym = pseudonym;
  wor::v1::GetPatientAccessReportResponse response;
  std::string text = nl ? "Wie heeft uw gegevens ingezien — Welzijn op Recept\n"
                        : "Who accessed your data — Welzijn op Recept\n";
  int64_t after = 0;
  while (true) {
    WOR_ASSIGN_OR_RETURN(std::vector<wor::v1::AuditRecord> records,
                         store_->ListAudit(filter, after, 500));
    if (records.empty()) break;
    for (const wor::v1::AuditRecord& record : records) {
      after = record.sequence();
      wor::v1::PatientAccess* access = response.add_accesses();
      *access->mutable_access_time() = record.event_time();
      access->set_organisation(record.organisation());
      access->set_role(record.role());
      access->set_user(record.user());
      access->set_event(record.event());
      *access->mutable_consent_relied_on() = record.consent_relied_on();
      access->set_outcome(record.outcome());
      absl::StrAppend(
          &text,
          absl::FormatTime("%d-%m-%Y %H:%M", FromTimestamp(record.event_time()),
                           zone_),
          "  ", record.organisation(), "  ", record.user(), " (",
          wor::v1::UserRole_Name(record.role()).substr(10), ")  ",
          EventText(record.event(), nl),
          record.outcome() == wor::v1::AUDIT_OUTCOME_DENIED
              ? (nl ? "  — geweigerd" : "  — refused")
              : "",
          "\n");
    }
  }
  response.set_text(std::move(text));
  return response;
}

absl::StatusOr<wor::v1::ErasePatientDataResponse> AuditWorkflow::Erase(
    const CallContext& call, const wor::v1::ErasePatientDataRequest& request) {
  WOR_ASSIGN_OR_RETURN(std::string id,
                       ParseReferralName("referral", request.referral()));
  WOR_RETURN_IF_ERROR(CheckRequestId("request_id", request.request_id()));
  WOR_RETURN_IF_ERROR(CheckText("request_reference",
                                request.request_reference(),
                                {.required = true, .max_chars = 64}));
  absl::StatusOr<StoredReferral> stored =
      LoadCoveredReferral(*store_, call, id, request.referral());
  if (absl::IsNotFound(stored.status())) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, request.referral()));
  }
  if (!stored.ok()) return stored.status();
  const std::string pseudonym = stored->referral.patient_pseudonym();
  // Every referral of the patient, through the pseudonym index.
  std::vector<std::string> names;
  ReferralFilter patient;
  patient.patient_pseudonym = pseudonym;
  int64_t after = 0;
  while (true) {
    WOR_ASSIGN_OR_RETURN(std::vector<StoredReferral> page,
                         store_->ListReferrals(patient, after, 500));
    if (page.empty()) break;
    for (const StoredReferral& row : page) {
      after = row.sequence;
      names.push_back(row.referral.name());
    }
  }
  // Destroy first: if the record below fails, a retry destroys nothing new
  // and writes it then; the other order could log an erasure that did not
  // happen.
  WOR_RETURN_IF_ERROR(keyring_->Destroy(pseudonym));
  const absl::Time now = clock_->Now();
  const std::string digest = RequestDigest(request);
  wor::v1::ErasePatientDataResponse response;
  WOR_RETURN_IF_ERROR(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    WOR_ASSIGN_OR_RETURN(bool replayed,
                         ReplayIfSeen(tx, request.request_id(),
                                      "ErasePatientData", digest, &response));
    if (replayed) return absl::OkStatus();
    response.set_referrals_erased(static_cast<int>(names.size()));
    *response.mutable_erase_time() = ToTimestamp(now);
    AccessedObjects objects;
    for (const std::string& name : names) {
      objects.Add(name, "");
      WOR_ASSIGN_OR_RETURN(std::string referral_id,
                           ParseReferralName("referral", name));
      WOR_ASSIGN_OR_RETURN(StoredReferral erased, tx.GetReferral(referral_id));
      erased.referral.set_etag(EtagForRevision(erased.revision));
      wor::v1::ReferralEvent event;
      event.set_type(wor::v1::REFERRAL_EVENT_TYPE_PERSONAL_DATA_ERASED);
      *event.mutable_referral() = std::move(erased.referral);
      *event.mutable_event_time() = ToTimestamp(now);
      WOR_RETURN_IF_ERROR(tx.AppendEvent(event));
    }
    objects.patient_pseudonyms.push_back(pseudonym);
    // Partner reporting keeps the anonymous codes, nothing that links them
    // to the patient, and no longer exports them.
    WOR_RETURN_IF_ERROR(tx.ForgetPatientInFacts(pseudonym));
    WOR_RETURN_IF_ERROR(tx.AppendAudit(audit_.Allowed(call, objects, {})));
    return RememberResult(tx, request.request_id(), "ErasePatientData", digest,
                          response, "");
  }));
  return response;
}

}  // namespace wor::server
