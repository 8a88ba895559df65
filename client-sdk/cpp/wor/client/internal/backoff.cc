#include "wor/client/internal/backoff.h"

#include <algorithm>

namespace wor::client::internal {

absl::Duration Backoff::Next() {
  const absl::Duration current = std::max(next_, absl::ZeroDuration());
  next_ = std::min(current * retry_.multiplier, retry_.max_backoff);
  if (current <= absl::ZeroDuration()) return absl::ZeroDuration();
  const double fraction = absl::Uniform(random_, 0.5, 1.0);
  return current * fraction;
}

}  // namespace wor::client::internal
