// PrivacyClient: wor.v1.PrivacyService, erasure of a patient's personal data.
//
//   wor::client::PrivacyClient client(
//       wor::client::MakePrivacyConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_PRIVACY_CLIENT_H_
#define WOR_CLIENT_PRIVACY_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/privacy_connection.h"

namespace wor::client {

class PrivacyClient {
 public:
  explicit PrivacyClient(std::shared_ptr<PrivacyConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::ErasePatientDataResponse> ErasePatientData(
      const wor::v1::ErasePatientDataRequest& request);

 private:
  std::shared_ptr<PrivacyConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_PRIVACY_CLIENT_H_
