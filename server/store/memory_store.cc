// The in-memory Store; see memory_store.h.
#include "server/store/memory_store.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/common/status_macros.h"
#include "server/store/audit_chain.h"
#include "server/store/personal_data_sealer.h"
#include "server/store/store_filters.h"

namespace wor::server {
namespace {

struct MemoryReferral {
  SealedMessage<wor::v1::Referral> sealed;
  int64_t revision = 0;
  int64_t sequence = 0;
  std::optional<absl::Time> alarm;  // next_deadline_alarm_time
};

std::optional<absl::Time> AlarmOf(const wor::v1::Referral& referral) {
  if (!referral.has_next_deadline_alarm_time()) return std::nullopt;
  const auto& t = referral.next_deadline_alarm_time();
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

struct MemoryFeedback {
  std::string feedback_id;
  std::string patient_pseudonym;
  SealedMessage<wor::v1::Feedback> sealed;
};

struct MemoryEvent {
  int64_t sequence = 0;
  SealedMessage<wor::v1::ReferralEvent> sealed;
};

struct MemoryAuditEntry {
  StoredAuditRow row;
  wor::v1::AuditRecord record;  // with sequence and hashes, for filtering
};

// Everything the store holds but the audit log, personal data only in
// sealed form; a transaction works on a copy.
struct MemoryState {
  std::map<std::string, MemoryReferral> referrals;
  int64_t last_referral_sequence = 0;
  // The escalation scanner's index: (alarm, referral id).
  std::set<std::pair<absl::Time, std::string>> alarms;
  // Results as stored (sealed when the record names a patient).
  std::map<std::string, IdempotencyRecord> idempotency;
  // Keyed by (referral id, position); position is global and increasing.
  std::map<std::string, std::map<int64_t, MemoryFeedback>> feedback;
  int64_t last_feedback_position = 0;
  std::vector<MemoryEvent> events;
  // Published availability by coach name (holds no patient data).
  std::map<std::string, StoredCoachAvailability> availability;
  // Partner reporting: facts by referral id, coach time in logging order.
  std::map<std::string, ReferralFacts> facts;
  std::vector<CoachTimeRow> coach_time;
};

void KeepFacts(MemoryState& state, const std::string& id,
               const wor::v1::Referral& referral) {
  std::optional<ReferralFacts> facts = FactsOf(id, referral);
  if (facts) state.facts[id] = *std::move(facts);
}

// Scheduling: the booked intakes of `coach` overlapping [from, to), by
// start, from the referrals' public parts (intakes are not sealed).
std::vector<BookedIntake> CoachIntakes(const MemoryState& state,
                                       const std::string& coach,
                                       absl::Time from, absl::Time to) {
  std::vector<BookedIntake> intakes;
  for (const auto& [id, stored] : state.referrals) {
    std::optional<BookedIntake> booked =
        BookedIntakeOf(id, stored.sealed.public_part);
    if (booked && booked->coach == coach && booked->start < to &&
        from < booked->end) {
      intakes.push_back(*std::move(booked));
    }
  }
  std::sort(intakes.begin(), intakes.end(),
            [](const BookedIntake& a, const BookedIntake& b) {
              return a.start < b.start;
            });
  return intakes;
}

StoredCoachAvailability FindAvailability(const MemoryState& state,
                                         const std::string& coach) {
  auto it = state.availability.find(coach);
  return it == state.availability.end() ? StoredCoachAvailability{}
                                        : it->second;
}

// The audit log only grows, so a transaction keeps just what it appends
// instead of copying it.
struct MemoryAuditLog {
  std::vector<MemoryAuditEntry> entries;
  AuditChainHead head = AuditChainHead::Genesis();
};

absl::StatusOr<StoredReferral> OpenReferral(PersonalDataSealer& sealer,
                                            const std::string& id,
                                            const MemoryReferral& stored) {
  WOR_ASSIGN_OR_RETURN(wor::v1::Referral referral,
                       sealer.OpenReferral(id, stored.sealed));
  return StoredReferral{std::move(referral), stored.revision, stored.sequence};
}

absl::StatusOr<wor::v1::Feedback> OpenFeedback(PersonalDataSealer& sealer,
                                               const std::string& referral_id,
                                               const MemoryFeedback& stored) {
  return sealer.OpenFeedback(referral_id, stored.feedback_id,
                             stored.patient_pseudonym, stored.sealed);
}

absl::StatusOr<StoredEvent> OpenEvent(PersonalDataSealer& sealer,
                                      const MemoryEvent& stored) {
  WOR_ASSIGN_OR_RETURN(wor::v1::ReferralEvent event,
                       sealer.OpenEvent(stored.sequence, stored.sealed));
  event.set_resume_token(ResumeTokenForSequence(stored.sequence));
  return StoredEvent{stored.sequence, std::move(event)};
}

class MemoryTransaction final : public WriteTransaction {
 public:
  MemoryTransaction(const MemoryState& base, const AuditChainHead& audit_head,
                    PersonalDataSealer& sealer)
      : state_(base), sealer_(sealer) {
    appended_audit_.head = audit_head;
  }

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override {
    auto it = state_.referrals.find(id);
    if (it == state_.referrals.end()) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    return OpenReferral(sealer_, id, it->second);
  }

  absl::Status InsertReferral(const std::string& id,
                              const wor::v1::Referral& referral) override {
    WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::Referral> sealed,
                         sealer_.SealReferral(id, referral));
    if (state_.referrals.contains(id)) {
      return absl::AlreadyExistsError(
          absl::StrCat("referral ", id, " already exists"));
    }
    const std::optional<absl::Time> alarm = AlarmOf(referral);
    state_.referrals[id] = MemoryReferral{
        std::move(sealed), 1, ++state_.last_referral_sequence, alarm};
    if (alarm) state_.alarms.emplace(*alarm, id);
    KeepFacts(state_, id, referral);
    return absl::OkStatus();
  }

  absl::Status UpdateReferral(const std::string& id, int64_t expected_revision,
                              const wor::v1::Referral& referral) override {
    WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::Referral> sealed,
                         sealer_.SealReferral(id, referral));
    auto it = state_.referrals.find(id);
    if (it == state_.referrals.end()) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    if (it->second.revision != expected_revision) {
      return absl::AbortedError(
          absl::StrCat("referral ", id, " changed concurrently"));
    }
    it->second.sealed = std::move(sealed);
    ++it->second.revision;
    if (it->second.alarm) state_.alarms.erase({*it->second.alarm, id});
    it->second.alarm = AlarmOf(referral);
    if (it->second.alarm) state_.alarms.emplace(*it->second.alarm, id);
    KeepFacts(state_, id, referral);
    return absl::OkStatus();
  }

  absl::StatusOr<std::optional<IdempotencyRecord>> FindIdempotencyRecord(
      const std::string& request_id) override {
    auto it = state_.idempotency.find(request_id);
    if (it == state_.idempotency.end()) return std::nullopt;
    return sealer_.OpenIdempotencyRecord(request_id, it->second);
  }

  absl::Status InsertIdempotencyRecord(
      const std::string& request_id, const IdempotencyRecord& record) override {
    IdempotencyRecord stored = record;
    WOR_ASSIGN_OR_RETURN(stored.result,
                         sealer_.SealIdempotencyResult(request_id, record));
    if (!state_.idempotency.emplace(request_id, std::move(stored)).second) {
      return absl::AlreadyExistsError("request_id already used");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<wor::v1::Feedback> GetFeedback(
      const std::string& referral_id, const std::string& feedback_id) override {
    MemoryFeedback* stored = FindFeedback(referral_id, feedback_id);
    if (stored == nullptr) return absl::NotFoundError("feedback not found");
    return OpenFeedback(sealer_, referral_id, *stored);
  }

  absl::Status InsertFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override {
    auto referral = state_.referrals.find(referral_id);
    if (referral == state_.referrals.end()) {
      return absl::NotFoundError(
          absl::StrCat("referral ", referral_id, " not found"));
    }
    const std::string& pseudonym =
        referral->second.sealed.public_part.patient_pseudonym();
    WOR_ASSIGN_OR_RETURN(
        SealedMessage<wor::v1::Feedback> sealed,
        sealer_.SealFeedback(referral_id, feedback_id, pseudonym, feedback));
    if (FindFeedback(referral_id, feedback_id) != nullptr) {
      return absl::AlreadyExistsError("feedback already exists");
    }
    state_.feedback[referral_id][++state_.last_feedback_position] =
        MemoryFeedback{feedback_id, pseudonym, std::move(sealed)};
    return absl::OkStatus();
  }

  absl::Status UpdateFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override {
    MemoryFeedback* stored = FindFeedback(referral_id, feedback_id);
    if (stored == nullptr) return absl::NotFoundError("feedback not found");
    WOR_ASSIGN_OR_RETURN(
        stored->sealed,
        sealer_.SealFeedback(referral_id, feedback_id,
                             stored->patient_pseudonym, feedback));
    return absl::OkStatus();
  }

  absl::Status AppendEvent(const wor::v1::ReferralEvent& event) override {
    const int64_t sequence =
        state_.events.empty() ? 1 : state_.events.back().sequence + 1;
    WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::ReferralEvent> sealed,
                         sealer_.SealEvent(sequence, event));
    state_.events.push_back(MemoryEvent{sequence, std::move(sealed)});
    return absl::OkStatus();
  }

  absl::Status AppendAudit(const wor::v1::AuditRecord& record) override {
    StoredAuditRow row = ChainAuditRecord(record, appended_audit_.head);
    WOR_ASSIGN_OR_RETURN(wor::v1::AuditRecord stored, AuditRecordFromRow(row));
    appended_audit_.head = AuditChainHead::After(row);
    appended_audit_.entries.push_back(
        MemoryAuditEntry{std::move(row), std::move(stored)});
    return absl::OkStatus();
  }

  absl::StatusOr<StoredCoachAvailability> GetCoachAvailability(
      const std::string& coach) override {
    return FindAvailability(state_, coach);
  }

  absl::StatusOr<int64_t> PutCoachAvailability(
      const std::string& coach, int64_t expected_revision,
      const wor::v1::CoachAvailability& availability) override {
    StoredCoachAvailability& stored = state_.availability[coach];
    if (stored.revision != expected_revision) {
      if (stored.revision == 0) state_.availability.erase(coach);
      return absl::AbortedError("the availability changed concurrently");
    }
    stored.availability = availability;
    return ++stored.revision;
  }

  absl::StatusOr<std::optional<BookedIntake>> FindOverlappingIntake(
      const std::string& coach, absl::Time start, absl::Time end,
      const std::string& excluding_referral_id) override {
    for (BookedIntake& booked : CoachIntakes(state_, coach, start, end)) {
      if (booked.referral_id != excluding_referral_id) return booked;
    }
    return std::nullopt;
  }

  absl::Status InsertCoachTime(const CoachTimeRow& row) override {
    state_.coach_time.push_back(row);
    return absl::OkStatus();
  }

  absl::Status ForgetPatientInFacts(
      const std::string& patient_pseudonym) override {
    for (auto& [id, facts] : state_.facts) {
      if (facts.patient_pseudonym != patient_pseudonym) continue;
      facts.patient_pseudonym.clear();
      facts.monitoring_consent = false;
    }
    return absl::OkStatus();
  }

  // Applies the transaction to the committed state and audit log.
  void CommitTo(MemoryState& state, MemoryAuditLog& audit) && {
    state = std::move(state_);
    for (MemoryAuditEntry& entry : appended_audit_.entries) {
      audit.entries.push_back(std::move(entry));
    }
    audit.head = std::move(appended_audit_.head);
  }

 private:
  MemoryFeedback* FindFeedback(const std::string& referral_id,
                               const std::string& feedback_id) {
    auto items = state_.feedback.find(referral_id);
    if (items == state_.feedback.end()) return nullptr;
    for (auto& [position, stored] : items->second) {
      if (stored.feedback_id == feedback_id) return &stored;
    }
    return nullptr;
  }

  MemoryState state_;
  PersonalDataSealer& sealer_;
  MemoryAuditLog appended_audit_;  // only this transaction's records
};

class MemoryStore final : public Store {
 public:
  explicit MemoryStore(PatientKeyring& keyring) : sealer_(keyring) {}

  absl::Status Write(const WriteFunction& fn) override {
    absl::MutexLock lock(&mu_);
    // A copy keeps a failed function's writes out of the committed state.
    // Fine for tests and demos; the SQLite store is the one that scales.
    MemoryTransaction tx(state_, audit_.head, sealer_);
    absl::Status status = fn(tx);
    if (status.ok()) status = sealer_.CommitNewKeys();
    if (status.ok()) std::move(tx).CommitTo(state_, audit_);
    return status;
  }

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override {
    absl::MutexLock lock(&mu_);
    auto it = state_.referrals.find(id);
    if (it == state_.referrals.end()) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    return OpenReferral(sealer_, id, it->second);
  }

  absl::StatusOr<std::vector<StoredReferral>> ListReferrals(
      const ReferralFilter& filter, int64_t after_sequence,
      int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<std::pair<int64_t, const std::string*>> matches;
    for (const auto& [id, stored] : state_.referrals) {
      if (stored.sequence > after_sequence &&
          ReferralMatches(filter, stored.sealed.public_part)) {
        matches.emplace_back(stored.sequence, &id);
      }
    }
    std::sort(matches.begin(), matches.end());
    if (static_cast<int>(matches.size()) > limit) {
      matches.resize(std::max(limit, 0));
    }
    std::vector<StoredReferral> result;
    for (const auto& [sequence, id] : matches) {
      WOR_ASSIGN_OR_RETURN(
          StoredReferral referral,
          OpenReferral(sealer_, *id, state_.referrals.at(*id)));
      result.push_back(std::move(referral));
    }
    return result;
  }

  absl::StatusOr<std::vector<std::string>> ListReferralsWithAlarmDue(
      absl::Time now, int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<std::string> ids;
    for (auto it = state_.alarms.begin();
         it != state_.alarms.end() && it->first <= now &&
         static_cast<int>(ids.size()) < limit;
         ++it) {
      ids.push_back(it->second);
    }
    return ids;
  }

  absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>>
  ListFeedback(const std::string& referral_id, int64_t after,
               int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<std::pair<int64_t, wor::v1::Feedback>> result;
    auto it = state_.feedback.find(referral_id);
    if (it == state_.feedback.end()) return result;
    for (auto entry = it->second.upper_bound(after);
         entry != it->second.end() && static_cast<int>(result.size()) < limit;
         ++entry) {
      WOR_ASSIGN_OR_RETURN(wor::v1::Feedback feedback,
                           OpenFeedback(sealer_, referral_id, entry->second));
      result.emplace_back(entry->first, std::move(feedback));
    }
    return result;
  }

  absl::StatusOr<std::vector<StoredEvent>> ReadEvents(const EventFilter& filter,
                                                      int64_t after_sequence,
                                                      int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<StoredEvent> result;
    for (const MemoryEvent& stored : state_.events) {
      if (static_cast<int>(result.size()) >= limit) break;
      if (stored.sequence > after_sequence &&
          EventMatches(filter, stored.sealed.public_part)) {
        WOR_ASSIGN_OR_RETURN(StoredEvent event, OpenEvent(sealer_, stored));
        result.push_back(std::move(event));
      }
    }
    return result;
  }

  bool WaitForEventsAfter(int64_t after_sequence,
                          absl::Duration timeout) override {
    absl::MutexLock lock(&mu_);
    auto has_newer = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return !state_.events.empty() &&
             state_.events.back().sequence > after_sequence;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&has_newer), timeout);
  }

  absl::StatusOr<int64_t> LastEventSequence() override {
    absl::MutexLock lock(&mu_);
    return state_.events.empty() ? 0 : state_.events.back().sequence;
  }

  absl::StatusOr<std::vector<wor::v1::AuditRecord>> ListAudit(
      const AuditFilter& filter, int64_t after_sequence, int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<wor::v1::AuditRecord> result;
    for (const MemoryAuditEntry& entry : audit_.entries) {
      if (static_cast<int>(result.size()) >= limit) break;
      if (entry.row.sequence > after_sequence &&
          AuditMatches(filter, entry.record)) {
        result.push_back(entry.record);
      }
    }
    return result;
  }

  absl::StatusOr<std::vector<StoredAuditRow>> ReadAuditRows(
      int64_t after_sequence, int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<StoredAuditRow> result;
    for (const MemoryAuditEntry& entry : audit_.entries) {
      if (static_cast<int>(result.size()) >= limit) break;
      if (entry.row.sequence > after_sequence) result.push_back(entry.row);
    }
    return result;
  }

  absl::StatusOr<StoredCoachAvailability> GetCoachAvailability(
      const std::string& coach) override {
    absl::MutexLock lock(&mu_);
    return FindAvailability(state_, coach);
  }

  absl::StatusOr<std::vector<BookedIntake>> ListCoachIntakes(
      const std::string& coach, absl::Time from, absl::Time to) override {
    absl::MutexLock lock(&mu_);
    return CoachIntakes(state_, coach, from, to);
  }

  absl::Status ScanReferralFacts(
      const FactsFilter& filter,
      const std::function<void(const ReferralFacts&)>& visit) override {
    absl::MutexLock lock(&mu_);
    for (const auto& [id, facts] : state_.facts) {
      if (facts.referral_date < filter.first_day ||
          facts.referral_date > filter.last_day) {
        continue;
      }
      if (filter.monitoring_consent_only && !facts.monitoring_consent) continue;
      if (filter.with_identifiers) {
        visit(facts);
      } else {
        ReferralFacts anonymous = facts;
        anonymous.referral_id.clear();
        anonymous.patient_pseudonym.clear();
        visit(anonymous);
      }
    }
    return absl::OkStatus();
  }

  absl::StatusOr<ReferralFacts> GetReferralFacts(
      const std::string& referral_id) override {
    absl::MutexLock lock(&mu_);
    auto it = state_.facts.find(referral_id);
    if (it == state_.facts.end()) {
      return absl::NotFoundError("the referral has no facts row");
    }
    return it->second;
  }

  absl::StatusOr<std::vector<CoachTimeRow>> ListCoachTime(
      absl::CivilDay last_day) override {
    absl::MutexLock lock(&mu_);
    std::vector<CoachTimeRow> rows;
    for (const CoachTimeRow& row : state_.coach_time) {
      if (row.day <= last_day) rows.push_back(row);
    }
    return rows;
  }

 private:
  PersonalDataSealer sealer_;
  absl::Mutex mu_;
  MemoryState state_ ABSL_GUARDED_BY(mu_);
  MemoryAuditLog audit_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore(PatientKeyring* keyring) {
  if (keyring == nullptr) {
    // A programming error in main(), not a runtime condition.
    std::fputs("NewMemoryStore: the patient keyring is required\n", stderr);
    std::abort();
  }
  return std::make_unique<MemoryStore>(*keyring);
}

}  // namespace wor::server
