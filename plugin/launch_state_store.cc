#include "plugin/launch_state_store.h"

#include <utility>
#include <vector>

#include "plugin/pkce.h"

namespace wor::plugin {

std::string LaunchStateStore::Put(PendingLaunch launch) {
  std::string state = RandomToken(24);
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  DropExpiredLocked(now);
  entries_[state] = Entry{std::move(launch), now + ttl_};
  return state;
}

absl::StatusOr<PendingLaunch> LaunchStateStore::Take(const std::string& state) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  auto it = entries_.find(state);
  if (it == entries_.end()) {
    return absl::NotFoundError("unknown or already used launch state");
  }
  Entry entry = std::move(it->second);
  entries_.erase(it);
  if (now >= entry.expires) {
    return absl::DeadlineExceededError("the launch state has expired");
  }
  return std::move(entry.launch);
}

void LaunchStateStore::DropExpiredLocked(absl::Time now) {
  std::vector<std::string> expired;
  for (const auto& [state, entry] : entries_) {
    if (now >= entry.expires) expired.push_back(state);
  }
  for (const std::string& state : expired) entries_.erase(state);
}

}  // namespace wor::plugin
