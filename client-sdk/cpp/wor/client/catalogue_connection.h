// CatalogueConnection: the calls of wor.v1.CatalogueService (the region's
// activity catalogue) as the SDK makes them: identity and deadline on every
// call, retries of idempotent calls on UNAVAILABLE, a request_id on every
// mutating call.
//
// Use CatalogueClient (catalogue_client.h); implement or mock this interface
// (mocks/mock_catalogue_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_CATALOGUE_CONNECTION_H_
#define WOR_CLIENT_CATALOGUE_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/catalogue.grpc.pb.h"

namespace wor::client {

class CatalogueConnection {
 public:
  virtual ~CatalogueConnection() = default;

  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetActivityCatalogueResponse>
  GetActivityCatalogue(const wor::v1::GetActivityCatalogueRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::ExportCatalogueAsHsdsResponse>
  ExportCatalogueAsHsds(
      const wor::v1::ExportCatalogueAsHsdsRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<CatalogueConnection> MakeCatalogueConnection(Options options);

// A connection over a given stub (e.g. the generated MockCatalogueServiceStub
// in tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<CatalogueConnection> MakeCatalogueConnection(
    std::shared_ptr<wor::v1::CatalogueService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_CATALOGUE_CONNECTION_H_
