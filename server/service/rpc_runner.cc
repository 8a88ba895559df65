#include "server/service/rpc_runner.h"

#include <chrono>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/domain/access_policy.h"

namespace wor::server {
namespace {

bool IsServerFault(absl::StatusCode code) {
  return code == absl::StatusCode::kInternal ||
         code == absl::StatusCode::kDataLoss ||
         code == absl::StatusCode::kUnknown;
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  auto code = static_cast<grpc::StatusCode>(status.code());
  if (IsServerFault(status.code())) {
    return grpc::Status(code,
                        "internal server error; nothing was changed. Try again "
                        "later; if it persists, contact the system's operator");
  }
  return grpc::Status(code, std::string(status.message()));
}

absl::Status RpcRunner::Authorize(grpc::ServerContext* context,
                                  absl::string_view method,
                                  CallContext& call) const {
  call.method = std::string(method);
  absl::StatusOr<Caller> caller = authenticator_->Identify(*context);
  if (!caller.ok()) {
    // Refused before anyone is known: the record names the access point.
    call.caller.peer_address = context->peer();
    absl::Status logged = audit_->RecordDenied(call, "");
    return logged.ok() ? caller.status() : logged;
  }
  call.caller = *std::move(caller);
  absl::Status allowed = AuthorizeMethod(call);
  if (!allowed.ok()) {
    absl::Status logged = audit_->RecordDenied(call, "");
    return logged.ok() ? allowed : logged;
  }
  // Work whose caller has given up is not started.
  if (context->IsCancelled() ||
      context->deadline() < std::chrono::system_clock::now()) {
    return absl::DeadlineExceededError(
        "the call's deadline passed before the server could start it");
  }
  return absl::OkStatus();
}

grpc::Status RpcRunner::Run(
    grpc::ServerContext* context, absl::string_view method,
    const std::function<absl::Status(const CallContext&)>& call) const {
  const auto start = std::chrono::steady_clock::now();
  CallContext call_context;
  absl::Status status = Authorize(context, method, call_context);
  if (status.ok()) status = call(call_context);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  const std::string code = absl::StatusCodeToString(status.code());
  if (IsServerFault(status.code())) {
    // Internal details name no person: stores and domain never put values
    // into error messages.
    logger_->Log(LogLevel::kError, "rpc_failed",
                 {{"method", method},
                  {"code", code},
                  {"ms", ms},
                  {"detail", status.message()}});
  } else {
    logger_->Log(LogLevel::kInfo, "rpc",
                 {{"method", method}, {"code", code}, {"ms", ms}});
  }
  return ToGrpcStatus(status);
}

}  // namespace wor::server
