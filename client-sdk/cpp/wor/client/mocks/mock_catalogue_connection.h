// A gMock CatalogueConnection for unit tests of code that uses CatalogueClient:
//
//   auto mock =
//   std::make_shared<wor::client::mocks::MockCatalogueConnection>();
//   EXPECT_CALL(*mock, GetActivityCatalogue).WillOnce(…);
//   wor::client::CatalogueClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_CATALOGUE_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_CATALOGUE_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/catalogue_connection.h"

namespace wor::client::mocks {

class MockCatalogueConnection : public wor::client::CatalogueConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::GetActivityCatalogueResponse>,
              GetActivityCatalogue,
              (const wor::v1::GetActivityCatalogueRequest& request),
              (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::ExportCatalogueAsHsdsResponse>,
              ExportCatalogueAsHsds,
              (const wor::v1::ExportCatalogueAsHsdsRequest& request),
              (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_CATALOGUE_CONNECTION_H_
