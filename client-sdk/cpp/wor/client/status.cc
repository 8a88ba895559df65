#include "wor/client/status.h"

#include "absl/strings/cord.h"

namespace wor::client {

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status converted(static_cast<absl::StatusCode>(status.error_code()),
                         status.error_message());
  if (!status.error_details().empty()) {
    converted.SetPayload(kGrpcStatusDetailsPayload,
                         absl::Cord(status.error_details()));
  }
  return converted;
}

bool IsTransient(const absl::Status& status) {
  return status.code() == absl::StatusCode::kUnavailable;
}

}  // namespace wor::client
