// CatalogueClient: wor.v1.CatalogueService, the region's activity catalogue.
//
//   wor::client::CatalogueClient client(
//       wor::client::MakeCatalogueConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_CATALOGUE_CLIENT_H_
#define WOR_CLIENT_CATALOGUE_CLIENT_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/catalogue_connection.h"

namespace wor::client {

class CatalogueClient {
 public:
  explicit CatalogueClient(std::shared_ptr<CatalogueConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::ActivityCatalogue> GetActivityCatalogue(
      const wor::v1::GetActivityCatalogueRequest& request);
  // The catalogue as Open Referral HSDS 3.0 JSON.
  absl::StatusOr<std::string> ExportCatalogueAsHsds(
      const wor::v1::ExportCatalogueAsHsdsRequest& request);

 private:
  std::shared_ptr<CatalogueConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_CATALOGUE_CLIENT_H_
