#include "server/store/memory_store.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/store/store_filters.h"

namespace wor::server {
namespace {

// Everything the store holds; a transaction works on a copy-on-write overlay
// of the parts it touches.
struct MemoryState {
  std::map<std::string, StoredReferral> referrals;
  int64_t last_referral_sequence = 0;
  std::map<std::string, IdempotencyRecord> idempotency;
  // Keyed by (referral id, position); position is global and increasing.
  std::map<std::string,
           std::map<int64_t, std::pair<std::string, wor::v1::Feedback>>>
      feedback;
  int64_t last_feedback_position = 0;
  std::vector<StoredEvent> events;
};

class MemoryTransaction final : public WriteTransaction {
 public:
  explicit MemoryTransaction(const MemoryState& base) : state_(base) {}

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override {
    auto it = state_.referrals.find(id);
    if (it == state_.referrals.end()) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    return it->second;
  }

  absl::Status InsertReferral(const std::string& id,
                              const wor::v1::Referral& referral) override {
    if (state_.referrals.contains(id)) {
      return absl::AlreadyExistsError(
          absl::StrCat("referral ", id, " already exists"));
    }
    state_.referrals[id] =
        StoredReferral{referral, 1, ++state_.last_referral_sequence};
    return absl::OkStatus();
  }

  absl::Status UpdateReferral(const std::string& id, int64_t expected_revision,
                              const wor::v1::Referral& referral) override {
    auto it = state_.referrals.find(id);
    if (it == state_.referrals.end()) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    if (it->second.revision != expected_revision) {
      return absl::AbortedError(
          absl::StrCat("referral ", id, " changed concurrently"));
    }
    it->second.referral = referral;
    ++it->second.revision;
    return absl::OkStatus();
  }

  absl::StatusOr<std::optional<IdempotencyRecord>> FindIdempotencyRecord(
      const std::string& request_id) override {
    auto it = state_.idempotency.find(request_id);
    if (it == state_.idempotency.end()) return std::nullopt;
    return it->second;
  }

  absl::Status InsertIdempotencyRecord(
      const std::string& request_id, const IdempotencyRecord& record) override {
    if (!state_.idempotency.emplace(request_id, record).second) {
      return absl::AlreadyExistsError("request_id already used");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<wor::v1::Feedback> GetFeedback(
      const std::string& referral_id, const std::string& feedback_id) override {
    for (const auto& [position, entry] : state_.feedback[referral_id]) {
      if (entry.first == feedback_id) return entry.second;
    }
    return absl::NotFoundError("feedback not found");
  }

  absl::Status InsertFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override {
    auto& items = state_.feedback[referral_id];
    for (const auto& [position, entry] : items) {
      if (entry.first == feedback_id) {
        return absl::AlreadyExistsError("feedback already exists");
      }
    }
    items[++state_.last_feedback_position] = {feedback_id, feedback};
    return absl::OkStatus();
  }

  absl::Status UpdateFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override {
    for (auto& [position, entry] : state_.feedback[referral_id]) {
      if (entry.first == feedback_id) {
        entry.second = feedback;
        return absl::OkStatus();
      }
    }
    return absl::NotFoundError("feedback not found");
  }

  absl::Status AppendEvent(const wor::v1::ReferralEvent& event) override {
    int64_t sequence =
        state_.events.empty() ? 1 : state_.events.back().sequence + 1;
    StoredEvent stored{sequence, event};
    stored.event.set_resume_token(ResumeTokenForSequence(sequence));
    state_.events.push_back(std::move(stored));
    return absl::OkStatus();
  }

  MemoryState TakeState() && { return std::move(state_); }

 private:
  MemoryState state_;
};

class MemoryStore final : public Store {
 public:
  absl::Status Write(const WriteFunction& fn) override {
    absl::MutexLock lock(&mu_);
    // A copy keeps a failed function's writes out of the committed state.
    // Fine for tests and demos; the SQLite store is the one that scales.
    MemoryTransaction tx(state_);
    absl::Status status = fn(tx);
    if (status.ok()) state_ = std::move(tx).TakeState();
    return status;
  }

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override {
    absl::MutexLock lock(&mu_);
    auto it = state_.referrals.find(id);
    if (it == state_.referrals.end()) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    return it->second;
  }

  absl::StatusOr<std::vector<StoredReferral>> ListReferrals(
      const ReferralFilter& filter, int64_t after_sequence,
      int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<StoredReferral> matches;
    for (const auto& [id, stored] : state_.referrals) {
      if (stored.sequence > after_sequence &&
          ReferralMatches(filter, stored.referral)) {
        matches.push_back(stored);
      }
    }
    std::sort(matches.begin(), matches.end(),
              [](const StoredReferral& a, const StoredReferral& b) {
                return a.sequence < b.sequence;
              });
    if (static_cast<int>(matches.size()) > limit) {
      matches.resize(std::max(limit, 0));
    }
    return matches;
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
      result.emplace_back(entry->first, entry->second.second);
    }
    return result;
  }

  absl::StatusOr<std::vector<StoredEvent>> ReadEvents(const EventFilter& filter,
                                                      int64_t after_sequence,
                                                      int limit) override {
    absl::MutexLock lock(&mu_);
    std::vector<StoredEvent> result;
    for (const StoredEvent& stored : state_.events) {
      if (static_cast<int>(result.size()) >= limit) break;
      if (stored.sequence > after_sequence &&
          EventMatches(filter, stored.event)) {
        result.push_back(stored);
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

 private:
  absl::Mutex mu_;
  MemoryState state_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

std::unique_ptr<Store> NewMemoryStore() {
  return std::make_unique<MemoryStore>();
}

}  // namespace wor::server
