// ConsentClient: wor.v1.ConsentService, the patient's consent: record, read,
// revoke, and the receipt.
//
//   wor::client::ConsentClient client(
//       wor::client::MakeConsentConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_CONSENT_CLIENT_H_
#define WOR_CLIENT_CONSENT_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/consent_connection.h"

namespace wor::client {

class ConsentClient {
 public:
  explicit ConsentClient(std::shared_ptr<ConsentConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::ConsentRecord> RecordConsent(
      const wor::v1::RecordConsentRequest& request);
  absl::StatusOr<wor::v1::ConsentRecord> GetConsent(
      const wor::v1::GetConsentRequest& request);
  absl::StatusOr<wor::v1::ConsentRecord> RevokeConsent(
      const wor::v1::RevokeConsentRequest& request);
  absl::StatusOr<wor::v1::GetConsentReceiptResponse> GetConsentReceipt(
      const wor::v1::GetConsentReceiptRequest& request);

 private:
  std::shared_ptr<ConsentConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_CONSENT_CLIENT_H_
