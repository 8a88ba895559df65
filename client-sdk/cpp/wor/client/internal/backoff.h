// Exponential backoff with jitter between the attempts of a retried call
// (RetryOptions). Not thread-safe: one per call.
#ifndef WOR_CLIENT_INTERNAL_BACKOFF_H_
#define WOR_CLIENT_INTERNAL_BACKOFF_H_

#include "absl/random/random.h"
#include "absl/time/time.h"
#include "wor/client/options.h"

namespace wor::client::internal {

class Backoff {
 public:
  explicit Backoff(const RetryOptions& retry)
      : retry_(retry), next_(retry.initial_backoff) {}

  // The wait before the next attempt: random in [backoff/2, backoff].
  absl::Duration Next();

  // After progress (a stream delivered an event): start small again.
  void Reset() { next_ = retry_.initial_backoff; }

 private:
  RetryOptions retry_;
  absl::Duration next_;
  absl::BitGen random_;
};

}  // namespace wor::client::internal

#endif  // WOR_CLIENT_INTERNAL_BACKOFF_H_
