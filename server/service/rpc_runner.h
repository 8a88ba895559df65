// Runs one RPC: identifies the caller (CallerAuthenticator), applies the
// method-level authorisation policy (a refusal is audited), refuses work whose
// deadline has already passed, runs the domain call and turns its result into
// a grpc::Status — the only place in the server that makes one — and writes
// the access log line (method, code, duration; never personal data).
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
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/service/caller_authenticator.h"

namespace wor::server {

grpc::Status ToGrpcStatus(const absl::Status& status);

class RpcRunner {
 public:
  RpcRunner(JsonLogger* logger, const CallerAuthenticator* authenticator,
            const AccessAudit* audit)
      : logger_(logger), authenticator_(authenticator), audit_(audit) {}

  // `method` is the full name, "wor.v1.ReferralService.GetReferral".
  grpc::Status Run(
      grpc::ServerContext* context, absl::string_view method,
      const std::function<absl::Status(const CallContext&)>& call) const;

 private:
  absl::Status Authorize(grpc::ServerContext* context, absl::string_view method,
                         CallContext& call) const;

  JsonLogger* logger_;
  const CallerAuthenticator* authenticator_;
  const AccessAudit* audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_RPC_RUNNER_H_
