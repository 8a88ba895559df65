// Resource names of the API (`referrals/{id}`,
// `referrals/{id}/feedback/{id}`) and new ids.
#ifndef WOR_SERVER_DOMAIN_RESOURCE_NAMES_H_
#define WOR_SERVER_DOMAIN_RESOURCE_NAMES_H_

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wor::server {

std::string ReferralName(absl::string_view referral_id);
std::string FeedbackName(absl::string_view referral_id,
                         absl::string_view feedback_id);

// The referral id of `referrals/{id}`; INVALID_ARGUMENT naming `field`
// otherwise.
absl::StatusOr<std::string> ParseReferralName(absl::string_view field,
                                              const std::string& name);

// (referral id, feedback id) of `referrals/{id}/feedback/{id}`.
absl::StatusOr<std::pair<std::string, std::string>> ParseFeedbackName(
    absl::string_view field, const std::string& name);

// A new random id: 16 lowercase hex characters (64 bits from OpenSSL's
// CSPRNG), unguessable so ids leak nothing about volume or order.
std::string NewResourceId();

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_RESOURCE_NAMES_H_
