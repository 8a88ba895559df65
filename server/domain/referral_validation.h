// Validation of a new referral, in the order a referrer would fix things:
// first every field's form (INVALID_ARGUMENT naming the field), then the
// clinical gate — a contra-indication answered "yes", a referral-conversation
// check answered "no" or missing consent to share with the coach refuses the
// referral with FAILED_PRECONDITION saying why and where to turn instead.
// Pure functions; thread-safe.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_VALIDATION_H_
#define WOR_SERVER_DOMAIN_REFERRAL_VALIDATION_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "wor/v1/intake.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// `now` and `today` (the local date in Europe/Amsterdam) place the birth
// date (adults only) and the consent time (not in the future).
absl::Status ValidateNewReferral(const wor::v1::Referral& referral,
                                 absl::Time now, absl::CivilDay today);

// All six dimensions present in [0, 10]. `field` prefixes the messages.
absl::Status ValidatePositiveHealthScores(
    absl::string_view field, const wor::v1::PositiveHealthScores& scores);

// Largest accepted clock difference between a client and this server, for
// "not in the future" checks.
inline constexpr absl::Duration kAllowedClockSkew = absl::Minutes(5);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_VALIDATION_H_
