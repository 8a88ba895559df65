// Runs one RPC's domain call and turns its result into a grpc::Status — the
// only place in the server that makes one — and writes the access log line.
//
// Client-facing messages come from the domain and name fields, never values.
// INTERNAL, DATA_LOSS and UNKNOWN details stay in the log; the client gets a
// generic message, so no SQL or internals leak.
//
// Thread-safe.
#ifndef WOR_SERVER_SERVICE_RPC_RUNNER_H_
#define WOR_SERVER_SERVICE_RPC_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <functional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/common/json_log.h"

namespace wor::server {

grpc::Status ToGrpcStatus(const absl::Status& status);

class RpcRunner {
 public:
  explicit RpcRunner(JsonLogger* logger) : logger_(logger) {}

  grpc::Status Run(absl::string_view method,
                   const std::function<absl::Status()>& call) const;

 private:
  JsonLogger* logger_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_RPC_RUNNER_H_
