// The source of "now" for all domain logic. Injected so tests drive time
// with a fake clock instead of sleeping or reading the wall clock.
#ifndef WOR_SERVER_DOMAIN_CLOCK_H_
#define WOR_SERVER_DOMAIN_CLOCK_H_

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace wor::server {

// Thread-safe in all implementations.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

// The real clock, for production.
class SystemClock final : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_CLOCK_H_
