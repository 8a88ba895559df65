#include "wor/client/privacy_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::ErasePatientDataResponse>
PrivacyClient::ErasePatientData(
    const wor::v1::ErasePatientDataRequest& request) {
  return connection_->ErasePatientData(request);
}

}  // namespace wor::client
