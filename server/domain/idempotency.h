// Exactly-once mutating calls. Every mutating request carries a
// `request_id`; the first call that succeeds stores its result under that
// id, in the same transaction as the change. A retry with the same id and
// the same request gets that result back without changing anything; the
// same id with a different request (or method) is ALREADY_EXISTS.
//
//   WOR_ASSIGN_OR_RETURN(bool replayed,
//       ReplayIfSeen(tx, call.request_id, "AcceptReferral", digest, &result));
//   if (replayed) return absl::OkStatus();
//   ... change ...
//   return RememberResult(tx, call.request_id, "AcceptReferral", digest,
//   result);
#ifndef WOR_SERVER_DOMAIN_IDEMPOTENCY_H_
#define WOR_SERVER_DOMAIN_IDEMPOTENCY_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "server/store/store.h"

namespace wor::server {

// SHA-256 of the request's deterministic serialization.
std::string RequestDigest(const google::protobuf::Message& request);

// True (and `result` filled) when `request_id` was already used for this
// method and request; false when unused; ALREADY_EXISTS when used otherwise.
absl::StatusOr<bool> ReplayIfSeen(WriteTransaction& tx,
                                  const std::string& request_id,
                                  absl::string_view method,
                                  const std::string& digest,
                                  google::protobuf::Message* result);

absl::Status RememberResult(WriteTransaction& tx, const std::string& request_id,
                            absl::string_view method, const std::string& digest,
                            const google::protobuf::Message& result,
                            const std::string& patient_pseudonym);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_IDEMPOTENCY_H_
