#include "wor/client/diagnostics_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::PingResponse> DiagnosticsClient::Ping(
    const wor::v1::PingRequest& request) {
  return connection_->Ping(request);
}

}  // namespace wor::client
