// gRPC's status as absl::Status, the one error type of the SDK.
//
// The code is kept (the numeric codes are the same) and so is the server's
// message, which names the field or the state that was wrong. Error details
// the server attaches travel as the payload "grpc-status-details-bin".
#ifndef WOR_CLIENT_STATUS_H_
#define WOR_CLIENT_STATUS_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace wor::client {

inline constexpr char kGrpcStatusDetailsPayload[] = "grpc-status-details-bin";

absl::Status FromGrpcStatus(const grpc::Status& status);

// Whether a failure is worth retrying unchanged: the server could not be
// reached or is restarting (UNAVAILABLE).
bool IsTransient(const absl::Status& status);

}  // namespace wor::client

#endif  // WOR_CLIENT_STATUS_H_
