#include "wor/client/catalogue_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::ActivityCatalogue>
CatalogueClient::GetActivityCatalogue(
    const wor::v1::GetActivityCatalogueRequest& request) {
  auto response = connection_->GetActivityCatalogue(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_catalogue());
}

absl::StatusOr<std::string> CatalogueClient::ExportCatalogueAsHsds(
    const wor::v1::ExportCatalogueAsHsdsRequest& request) {
  auto response = connection_->ExportCatalogueAsHsds(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_hsds_json());
}

}  // namespace wor::client
