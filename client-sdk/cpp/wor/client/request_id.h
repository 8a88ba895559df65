// Request ids: the key that makes a mutating call happen at most once.
//
// The SDK sets a fresh one on every mutating call that has none, and keeps
// it across that call's retries, so a retry after a lost answer returns the
// first result instead of acting twice. Set one yourself to make a call
// idempotent across restarts of your own program (store it first).
#ifndef WOR_CLIENT_REQUEST_ID_H_
#define WOR_CLIENT_REQUEST_ID_H_

#include <string>

#include "absl/status/statusor.h"

namespace wor::client {

// A random UUID version 4 (RFC 4122), 36 characters; UNAVAILABLE only when
// the system has no random bytes to give.
absl::StatusOr<std::string> NewRequestId();

}  // namespace wor::client

#endif  // WOR_CLIENT_REQUEST_ID_H_
