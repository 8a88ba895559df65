// The activity catalogue as Open Referral HSDS 3.0 (Human Services Data
// Specification), so that a region's social map can take it in: one HSDS
// `service` per activity, with its `organization` (the provider), its
// `service_areas` (the neighbourhood) and its category as an `attribute`
// with a `taxonomy_term` of the vocabulary "wor-activity-categories". Names
// in Dutch, with the English title as `alternate_name`.
//
// Ids are UUIDs (HSDS 3.0 requires them) derived from SHA-256 of the region,
// category and activity ids: stable across exports, so a social map can
// update instead of duplicating.
//
// Pure function; thread-safe.
#ifndef WOR_SERVER_DOMAIN_HSDS_EXPORT_H_
#define WOR_SERVER_DOMAIN_HSDS_EXPORT_H_

#include <string>

#include "wor/v1/catalogue.pb.h"

namespace wor::server {

// A JSON object {"hsds_version": "3.0", "region": region_name,
// "services": [...]}.
std::string CatalogueAsHsdsJson(const wor::v1::ActivityCatalogue& catalogue,
                                const std::string& region_name);

// A UUID of version 8 (RFC 9562: vendor-specific, here the first 16 bytes of
// SHA-256 of `text`), lowercase with dashes.
std::string StableUuid(const std::string& text);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_HSDS_EXPORT_H_
