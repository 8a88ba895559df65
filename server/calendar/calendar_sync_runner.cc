#include "server/calendar/calendar_sync_runner.h"

#include <algorithm>

#include "absl/time/clock.h"

namespace wor::server {
namespace {

// How long one wait for new events lasts before Stop is checked again.
constexpr absl::Duration kEventWait = absl::Milliseconds(500);

}  // namespace

void CalendarSyncRunner::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void CalendarSyncRunner::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

bool CalendarSyncRunner::Pause(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithTimeout(absl::Condition(&stopping_), timeout);
  return !stopping_;
}

void CalendarSyncRunner::Loop() {
  bool was_failing = false;
  while (Pause(absl::ZeroDuration())) {
    absl::StatusOr<int> applied = worker_->SyncOnce();
    if (!applied.ok()) {
      if (!was_failing) {
        logger_->Log(LogLevel::kWarning, "calendar_sync_failed",
                     {{"detail", applied.status().ToString()}});
      }
      was_failing = true;
      // The worker's retry time comes from its clock; the wait is real time,
      // cut into slices so Stop is heard.
      const absl::Duration wait =
          std::clamp(worker_->next_attempt_time() - absl::Now(),
                     absl::Milliseconds(100), absl::Seconds(1));
      if (!Pause(wait)) break;
      continue;
    }
    if (was_failing) {
      logger_->Log(LogLevel::kInfo, "calendar_sync_recovered", {});
      was_failing = false;
    }
    absl::StatusOr<int64_t> cursor = worker_->Cursor();
    if (!cursor.ok()) {
      if (!Pause(absl::Seconds(1))) break;
      continue;
    }
    store_->WaitForEventsAfter(*cursor, kEventWait);
  }
}

}  // namespace wor::server
