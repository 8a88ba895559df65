#include "server/service/rpc_runner.h"

#include <chrono>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

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

grpc::Status RpcRunner::Run(absl::string_view method,
                            const std::function<absl::Status()>& call) const {
  const auto start = std::chrono::steady_clock::now();
  absl::Status status = call();
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
