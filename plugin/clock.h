// Clock: the plugin's only source of the current time, injected so that
// expiry (launch states, sessions, tokens) is tested with a fake clock.
//
//   RealClock clock;
//   LaunchStateStore states(&clock, absl::Minutes(10));
//
// Implementations are thread-safe.
#ifndef WOR_PLUGIN_CLOCK_H_
#define WOR_PLUGIN_CLOCK_H_

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace wor::plugin {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

// The wall clock.
class RealClock final : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

// A clock that moves only when told (tests).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(absl::Time start) : now_(start) {}
  absl::Time Now() const override {
    absl::MutexLock lock(&mutex_);
    return now_;
  }
  void Advance(absl::Duration by) {
    absl::MutexLock lock(&mutex_);
    now_ += by;
  }

 private:
  mutable absl::Mutex mutex_;
  absl::Time now_;
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_CLOCK_H_
