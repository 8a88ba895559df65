// The national default activity catalogue of Welzijn op Recept: the eight
// categories coaches and patients choose an activity from, for regions that
// do not configure their own (Meppel, for one, uses five domains instead).
//
// The categories carry no activities and no region: the caller sets `region`
// on a copy and adds whatever activities the region knows.
//
// Thread-safety: built once, on first use, and immutable.

#ifndef WOR_SERVER_DOMAIN_NATIONAL_CATALOGUE_H_
#define WOR_SERVER_DOMAIN_NATIONAL_CATALOGUE_H_

#include "wor/v1/catalogue.pb.h"

namespace wor::server {

// The eight national categories, in display order: sport_and_movement,
// nature, cooking_and_eating, creative_and_cultural, relaxation_and_meaning,
// volunteering, contact_and_meeting, other. Never destroyed.
const wor::v1::ActivityCatalogue& NationalActivityCatalogue();

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_NATIONAL_CATALOGUE_H_
