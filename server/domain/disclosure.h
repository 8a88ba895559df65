// What of a referral leaves the server. The BSN may come in (the ZorgDomein
// route carries it) but is never handed out again through this API: the
// coach works without it, and data minimisation says it stays where it came
// from. Every path that returns a referral (get, list, verb results,
// replayed retries, stream events) passes through here.
//
// Who may see which referral at all, and what each role sees, is decided by
// the authorisation policy of the privacy issue; this is the floor below it.
#ifndef WOR_SERVER_DOMAIN_DISCLOSURE_H_
#define WOR_SERVER_DOMAIN_DISCLOSURE_H_

#include "wor/v1/referral.pb.h"

namespace wor::server {

// Removes what is never disclosed, in place.
void RedactForDisclosure(wor::v1::Referral& referral);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DISCLOSURE_H_
