// The in-memory CalendarSyncLedger.
#include <map>
#include <utility>

#include "absl/synchronization/mutex.h"
#include "server/store/calendar_sync_ledger.h"

namespace wor::server {
namespace {

class MemoryCalendarSyncLedger final : public CalendarSyncLedger {
 public:
  absl::StatusOr<int64_t> Cursor() override {
    absl::MutexLock lock(&mu_);
    return cursor_;
  }

  absl::Status AdvanceCursor(int64_t sequence) override {
    absl::MutexLock lock(&mu_);
    if (sequence > cursor_) cursor_ = sequence;
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<PushedCalendarEntry>> EntriesOfReferral(
      const std::string& referral_id) override {
    absl::MutexLock lock(&mu_);
    std::vector<PushedCalendarEntry> found;
    for (const auto& [key, entry] : entries_) {
      if (entry.referral_id == referral_id) found.push_back(entry);
    }
    return found;
  }

  absl::Status RecordPut(const PushedCalendarEntry& entry) override {
    absl::MutexLock lock(&mu_);
    entries_[{entry.coach, entry.uid}] = entry;
    return absl::OkStatus();
  }

  absl::Status RecordRemoved(const std::string& coach,
                             const std::string& uid) override {
    absl::MutexLock lock(&mu_);
    entries_.erase({coach, uid});
    return absl::OkStatus();
  }

 private:
  absl::Mutex mu_;
  int64_t cursor_ ABSL_GUARDED_BY(mu_) = 0;
  std::map<std::pair<std::string, std::string>, PushedCalendarEntry> entries_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace

std::unique_ptr<CalendarSyncLedger> NewMemoryCalendarSyncLedger() {
  return std::make_unique<MemoryCalendarSyncLedger>();
}

}  // namespace wor::server
