// Glue for the common shape of our unary RPCs: call a domain function that
// returns StatusOr<T>, and put T into the response's one field.
#ifndef WOR_SERVER_SERVICE_SERVICE_CALL_H_
#define WOR_SERVER_SERVICE_SERVICE_CALL_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::server {

// `set` receives the value when `result` is OK.
template <typename T, typename Setter>
absl::Status Deliver(absl::StatusOr<T> result, Setter&& set) {
  if (!result.ok()) return result.status();
  set(*std::move(result));
  return absl::OkStatus();
}

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_SERVICE_CALL_H_
