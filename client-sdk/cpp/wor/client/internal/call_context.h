// What the connections made from one Options share: the channel (or why
// there is none) and how each call is dressed (identity metadata, deadline).
// Thread-safe: immutable after construction; the token provider is called
// for every call.
#ifndef WOR_CLIENT_INTERNAL_CALL_CONTEXT_H_
#define WOR_CLIENT_INTERNAL_CALL_CONTEXT_H_

#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "wor/client/options.h"

namespace wor::client::internal {

class CallContext {
 public:
  // Makes the channel of `options` (see channel.h); a failure is kept and
  // returned by every call.
  explicit CallContext(Options options);

  // Uses `channel` as is (null when the caller brings its own stub).
  CallContext(Options options, std::shared_ptr<grpc::Channel> channel);

  const Options& options() const { return options_; }

  // The channel, or why it could not be made.
  const absl::StatusOr<std::shared_ptr<grpc::Channel>>& channel() const {
    return channel_;
  }

  // Adds the token and the metadata to `call`, and the per-attempt deadline
  // when `unary`. With `wait_for_ready` the call waits for the connection to
  // come up (within its deadline) instead of failing at once while the
  // channel backs off from a refused connection: for a watch's reconnects.
  // Fails (and nothing may be sent) when the token cannot be had, or would go
  // over plaintext.
  absl::Status Prepare(grpc::ClientContext& call, bool unary,
                       bool wait_for_ready = false) const;

 private:
  Options options_;
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel_;
};

}  // namespace wor::client::internal

#endif  // WOR_CLIENT_INTERNAL_CALL_CONTEXT_H_
