// PartnerClient is header-only; this file keeps the one-client-one-source
// layout of the SDK build.
#include "wor/client/partner_client.h"
