// Storage of referrals, feedback, idempotency records and the event outbox.
//
// The domain layer reads and changes state only through this interface. All
// changes happen inside `Store::Write`, which runs a function against a
// `WriteTransaction` and makes everything it did durable atomically — the
// referral, the idempotency record and the outbox event commit together or
// not at all. Reads outside a transaction see only committed state.
//
//   absl::Status s = store->Write([&](WriteTransaction& tx) -> absl::Status {
//     WOR_ASSIGN_OR_RETURN(wor::v1::Referral r, tx.GetReferral(id));
//     r.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
//     WOR_RETURN_IF_ERROR(tx.UpdateReferral(r));
//     return tx.AppendEvent(event);
//   });
//
// Implementations: `OpenSqliteStore` (durable, group commit) and
// `NewMemoryStore` (tests). Both pass tests/store/store_contract_test.cc.
// Every implementation is thread-safe.
#ifndef WOR_SERVER_STORE_STORE_H_
#define WOR_SERVER_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/store/referral_facts.h"
#include "wor/v1/audit.pb.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::server {

// A referral with its storage revision (the basis of its etag) and its
// position in creation order (the basis of page tokens).
struct StoredReferral {
  wor::v1::Referral referral;
  int64_t revision = 0;
  int64_t sequence = 0;
};

// The remembered outcome of a mutating request, for exactly-once retries.
struct IdempotencyRecord {
  std::string method;          // e.g. "CreateReferral"
  std::string request_digest;  // fingerprint of the whole request
  std::string result;          // serialized result message
  // The patient the result is about: a durable store seals `result` under
  // this patient's data key. Empty: no personal data in `result`.
  std::string patient_pseudonym;
};

// Which audit records a query wants. Empty fields do not filter; the period
// is [start, end).
struct AuditFilter {
  std::string patient_pseudonym;
  std::string user;
  absl::Time start = absl::InfinitePast();
  absl::Time end = absl::InfiniteFuture();
};

// An audit record exactly as stored, for verifying the chain.
struct StoredAuditRow {
  int64_t sequence = 0;
  std::string record;         // the stored bytes the hash covers
  std::string previous_hash;  // lowercase hex
  std::string hash;           // lowercase hex
};

// An event as kept in the outbox, with its position in commit order.
struct StoredEvent {
  int64_t sequence = 0;
  wor::v1::ReferralEvent event;
};

// Which referrals a List call wants. Empty fields do not filter.
struct ReferralFilter {
  std::vector<wor::v1::ReferralState> states;
  std::string practice_agb;
  std::string welfare_organisation;
  // One patient's referrals (e.g. for erasure), through an index rather
  // than opening every referral.
  std::string patient_pseudonym = {};
  // One coach's referrals (Referral.assigned_coach, the coach's worklist),
  // through an index.
  std::string assigned_coach = {};
};

// A coach's published availability with its storage revision (the basis of
// its etag); revision 0 and an empty message when never published.
struct StoredCoachAvailability {
  wor::v1::CoachAvailability availability;
  int64_t revision = 0;
};

// A booked intake as the coach's calendar holds it: the referral that holds
// it and the appointment's [start, end). A referral holds a booked intake
// while `intake.status` is BOOKED and the referral has not ended
// (BookedIntakeOf in store_filters.h); stores index it from the referral.
struct BookedIntake {
  std::string referral_id;
  std::string coach;  // welfareOrganisations/{kvk}/coaches/{coach_id}
  absl::Time start;
  absl::Time end;
};

// Time a coach logged on a referral on one day (LogCoachTime).
struct CoachTimeRow {
  std::string referral_id;
  std::string practice_agb;
  std::string coach;  // welfareOrganisations/{kvk}/coaches/{coach_id}
  absl::CivilDay day;
  int64_t minutes = 0;
};

// Which events a reader wants. Empty fields do not filter.
struct EventFilter {
  std::string practice_agb;
  std::string welfare_organisation;
};

// The view of the store inside one `Store::Write` call. Reads see the
// transaction's own earlier writes. Not thread-safe; valid only during the
// call that received it.
class WriteTransaction {
 public:
  virtual ~WriteTransaction() = default;

  // NOT_FOUND when there is no referral with this id.
  virtual absl::StatusOr<StoredReferral> GetReferral(const std::string& id) = 0;
  // Stores a new referral with revision 1. ALREADY_EXISTS on a duplicate id.
  virtual absl::Status InsertReferral(const std::string& id,
                                      const wor::v1::Referral& referral) = 0;
  // Replaces a referral when its revision is still `expected_revision` and
  // bumps the revision; ABORTED otherwise, NOT_FOUND when absent.
  virtual absl::Status UpdateReferral(const std::string& id,
                                      int64_t expected_revision,
                                      const wor::v1::Referral& referral) = 0;

  virtual absl::StatusOr<std::optional<IdempotencyRecord>>
  FindIdempotencyRecord(const std::string& request_id) = 0;
  // ALREADY_EXISTS when the request id is taken.
  virtual absl::Status InsertIdempotencyRecord(
      const std::string& request_id, const IdempotencyRecord& record) = 0;

  // NOT_FOUND when absent.
  virtual absl::StatusOr<wor::v1::Feedback> GetFeedback(
      const std::string& referral_id, const std::string& feedback_id) = 0;
  // ALREADY_EXISTS on a duplicate id.
  virtual absl::Status InsertFeedback(const std::string& referral_id,
                                      const std::string& feedback_id,
                                      const wor::v1::Feedback& feedback) = 0;
  // NOT_FOUND when absent.
  virtual absl::Status UpdateFeedback(const std::string& referral_id,
                                      const std::string& feedback_id,
                                      const wor::v1::Feedback& feedback) = 0;

  // Appends an event to the outbox. The store assigns its sequence and sets
  // `resume_token`. The event becomes visible to readers at commit.
  virtual absl::Status AppendEvent(const wor::v1::ReferralEvent& event) = 0;

  // Appends a record to the audit log. The store sets `sequence` (next
  // number), `previous_hash` and `hash` = hex(SHA-256(previous_hash ||
  // stored bytes)), where the stored bytes are the deterministic
  // serialization of the record with `sequence` set and both hash fields
  // empty. Commits with the rest of the transaction.
  virtual absl::Status AppendAudit(const wor::v1::AuditRecord& record) = 0;

  // Coach availability and booked intakes (scheduling).
  //
  // The availability of `coach` (`welfareOrganisations/{kvk}/coaches/{id}`).
  virtual absl::StatusOr<StoredCoachAvailability> GetCoachAvailability(
      const std::string& coach) = 0;
  // Replaces it when its revision is still `expected_revision` (0: never
  // published) and returns the new revision; ABORTED otherwise.
  virtual absl::StatusOr<int64_t> PutCoachAvailability(
      const std::string& coach, int64_t expected_revision,
      const wor::v1::CoachAvailability& availability) = 0;
  // A booked intake of `coach` overlapping [start, end), other than the one
  // of referral `excluding_referral_id`; nullopt when there is none.
  virtual absl::StatusOr<std::optional<BookedIntake>> FindOverlappingIntake(
      const std::string& coach, absl::Time start, absl::Time end,
      const std::string& excluding_referral_id) = 0;

  // Partner reporting: logs coach time (LogCoachTime). The referral's facts
  // (referral_facts.h) are kept by InsertReferral and UpdateReferral.
  virtual absl::Status InsertCoachTime(const CoachTimeRow& row) = 0;
  // Erasure: the facts of the patient's referrals lose their link to the
  // patient and any monitoring consent; the anonymous codes stay.
  virtual absl::Status ForgetPatientInFacts(
      const std::string& patient_pseudonym) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  using WriteFunction = std::function<absl::Status(WriteTransaction&)>;

  // Runs `fn` in a transaction. When `fn` returns OK, everything it wrote is
  // committed — durably, for a durable store — before Write returns OK. When
  // `fn` fails, nothing it wrote is kept and its status is returned. A commit
  // failure returns UNAVAILABLE or INTERNAL and keeps nothing. Concurrent
  // calls behave as if run one after the other.
  virtual absl::Status Write(const WriteFunction& fn) = 0;

  // NOT_FOUND when there is no referral with this id.
  virtual absl::StatusOr<StoredReferral> GetReferral(const std::string& id) = 0;
  // Referrals matching `filter` with sequence > `after_sequence`, in
  // creation order, at most `limit`.
  virtual absl::StatusOr<std::vector<StoredReferral>> ListReferrals(
      const ReferralFilter& filter, int64_t after_sequence, int limit) = 0;

  // Ids of the referrals whose next_deadline_alarm_time is at or before
  // `now`, earliest alarm first, at most `limit` — through an index, so the
  // cost follows the number due, not the number stored.
  virtual absl::StatusOr<std::vector<std::string>> ListReferralsWithAlarmDue(
      absl::Time now, int limit) = 0;

  // Feedback of one referral with position > `after`, oldest first, at most
  // `limit`; each paired with its position for paging.
  virtual absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>>
  ListFeedback(const std::string& referral_id, int64_t after, int limit) = 0;

  // Committed events with sequence > `after_sequence` matching `filter`, in
  // commit order, at most `limit`.
  virtual absl::StatusOr<std::vector<StoredEvent>> ReadEvents(
      const EventFilter& filter, int64_t after_sequence, int limit) = 0;

  // Blocks until an event with sequence > `after_sequence` is committed or
  // `timeout` passes (real time: this paces a stream, it is no domain
  // clock). Returns whether such an event exists.
  virtual bool WaitForEventsAfter(int64_t after_sequence,
                                  absl::Duration timeout) = 0;

  // The sequence of the last committed event; 0 when there is none.
  virtual absl::StatusOr<int64_t> LastEventSequence() = 0;

  // Audit records matching `filter` with sequence > `after_sequence`, oldest
  // first, at most `limit`, with sequence and hashes set.
  virtual absl::StatusOr<std::vector<wor::v1::AuditRecord>> ListAudit(
      const AuditFilter& filter, int64_t after_sequence, int limit) = 0;

  // The raw audit rows with sequence > `after_sequence`, in sequence order,
  // at most `limit` — for VerifyAuditChain, which recomputes every hash.
  virtual absl::StatusOr<std::vector<StoredAuditRow>> ReadAuditRows(
      int64_t after_sequence, int limit) = 0;

  // Coach availability and booked intakes (scheduling), committed state.
  //
  // As WriteTransaction::GetCoachAvailability.
  virtual absl::StatusOr<StoredCoachAvailability> GetCoachAvailability(
      const std::string& coach) = 0;
  // The booked intakes of `coach` overlapping [from, to), by start time.
  virtual absl::StatusOr<std::vector<BookedIntake>> ListCoachIntakes(
      const std::string& coach, absl::Time from, absl::Time to) = 0;

  // Partner reporting, committed state.
  //
  // Calls `visit` for the facts of every referral matching `filter`, in no
  // particular order, without holding up writers for long.
  virtual absl::Status ScanReferralFacts(
      const FactsFilter& filter,
      const std::function<void(const ReferralFacts&)>& visit) = 0;
  // The facts of one referral; NOT_FOUND when it has none.
  virtual absl::StatusOr<ReferralFacts> GetReferralFacts(
      const std::string& referral_id) = 0;
  // All coach time logged on days up to `last_day`, in logging order.
  virtual absl::StatusOr<std::vector<CoachTimeRow>> ListCoachTime(
      absl::CivilDay last_day) = 0;
};

// The etag of a referral revision, and its inverse (nullopt when malformed).
std::string EtagForRevision(int64_t revision);
std::optional<int64_t> RevisionFromEtag(const std::string& etag);

// The resume token of an event sequence, and its inverse.
std::string ResumeTokenForSequence(int64_t sequence);
std::optional<int64_t> SequenceFromResumeToken(const std::string& token);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_STORE_H_
