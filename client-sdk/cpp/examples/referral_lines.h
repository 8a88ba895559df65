// One line per referral the caller may see: name, state and the nearest
// running deadline, without any patient data.
#ifndef WOR_EXAMPLES_REFERRAL_LINES_H_
#define WOR_EXAMPLES_REFERRAL_LINES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "wor/client/referral_client.h"

namespace wor_examples {

// "referrals/abc  REFERRAL_STATE_ACCEPTED  first contact due 2026-04-27"
absl::StatusOr<std::vector<std::string>> ReferralLines(
    wor::client::ReferralClient& client);

}  // namespace wor_examples

#endif  // WOR_EXAMPLES_REFERRAL_LINES_H_
