// A Clock that tests set and advance by hand. Thread-safe.
#ifndef WOR_TESTS_COMMON_FAKE_CLOCK_H_
#define WOR_TESTS_COMMON_FAKE_CLOCK_H_

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/domain/clock.h"

namespace wor::server {

class FakeClock final : public Clock {
 public:
  explicit FakeClock(absl::Time now) : now_(now) {}

  absl::Time Now() const override {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  void Set(absl::Time t) {
    absl::MutexLock lock(&mu_);
    now_ = t;
  }
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }

 private:
  mutable absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_);
};

// Parses an RFC 3339 instant or aborts the test binary (test data only).
absl::Time TestInstant(const char* rfc3339);

}  // namespace wor::server

#endif  // WOR_TESTS_COMMON_FAKE_CLOCK_H_
