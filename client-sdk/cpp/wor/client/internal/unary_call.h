// One unary call with the SDK's rules: identity and deadline on every
// attempt, retries with backoff on UNAVAILABLE for idempotent calls only,
// and a request_id on every mutating call so that it is idempotent too.
//
//   return internal::Read(*context_, stub_.get(),
//                         &Stub::GetReferral, request);
//   return internal::Mutate(*context_, stub_.get(),
//                           &Stub::AcceptReferral, request);
#ifndef WOR_CLIENT_INTERNAL_UNARY_CALL_H_
#define WOR_CLIENT_INTERNAL_UNARY_CALL_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "wor/client/internal/backoff.h"
#include "wor/client/internal/call_context.h"
#include "wor/client/request_id.h"
#include "wor/client/status.h"

namespace wor::client::internal {

enum class Idempotency { kIdempotent, kNonIdempotent };

template <typename Stub, typename Request, typename Response>
using UnaryMethod = grpc::Status (Stub::*)(grpc::ClientContext*, const Request&,
                                           Response*);

// Calls `method` until it succeeds, fails for good, or the attempts are used
// up; only kIdempotent calls are attempted more than once.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> Call(const CallContext& context, Stub* stub,
                              UnaryMethod<Stub, Request, Response> method,
                              const Request& request, Idempotency idempotency) {
  if (!context.channel().ok()) return context.channel().status();
  const RetryOptions& retry = context.options().retry;
  Backoff backoff(retry);
  for (int attempt = 1;; ++attempt) {
    grpc::ClientContext call;
    // No wait_for_ready: a server that cannot be reached (or speaks no TLS)
    // must end in UNAVAILABLE, not in waiting out the deadline.
    if (absl::Status prepared = context.Prepare(call, /*unary=*/true);
        !prepared.ok()) {
      return prepared;
    }
    Response response;
    absl::Status status =
        FromGrpcStatus((stub->*method)(&call, request, &response));
    if (status.ok()) return response;
    if (idempotency == Idempotency::kNonIdempotent || !IsTransient(status) ||
        attempt >= retry.max_attempts) {
      return status;
    }
    absl::SleepFor(backoff.Next());
  }
}

// A call that changes nothing: idempotent.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> Read(const CallContext& context, Stub* stub,
                              UnaryMethod<Stub, Request, Response> method,
                              const Request& request) {
  return Call(context, stub, method, request, Idempotency::kIdempotent);
}

// A call with a `request_id`: a fresh one is set when the caller gave none,
// and the same one is sent on every attempt, so the server acts at most once
// and the call is idempotent.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> Mutate(const CallContext& context, Stub* stub,
                                UnaryMethod<Stub, Request, Response> method,
                                Request request) {
  if (request.request_id().empty()) {
    absl::StatusOr<std::string> id = NewRequestId();
    if (!id.ok()) return id.status();
    request.set_request_id(*std::move(id));
  }
  return Call(context, stub, method, request, Idempotency::kIdempotent);
}

}  // namespace wor::client::internal

#endif  // WOR_CLIENT_INTERNAL_UNARY_CALL_H_
