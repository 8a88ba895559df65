// The human-readable output of feedback, the referral form and the activity
// catalogue.
#ifndef WOR_CLIENT_SDK_CLI_REFERENCE_PRINTING_H_
#define WOR_CLIENT_SDK_CLI_REFERENCE_PRINTING_H_

#include <iosfwd>

#include "absl/time/time.h"
#include "client-sdk/cli/messages.h"
#include "wor/v1/catalogue.pb.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral_form.pb.h"

namespace wor::client {

// The name on the first line, then kind, times and the summary for the GP.
void PrintFeedback(const wor::v1::Feedback& feedback, const Messages& messages,
                   absl::TimeZone zone, std::ostream& out);

// Sections and questions in the user's language, with the field each
// question fills, its options and the answers that refuse a referral.
void PrintReferralForm(const wor::v1::ReferralForm& form,
                       const Messages& messages, std::ostream& out);

// Categories and their activities: the ids `wor activity` takes, with titles
// in the user's language.
void PrintCatalogue(const wor::v1::ActivityCatalogue& catalogue,
                    const Messages& messages, std::ostream& out);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_REFERENCE_PRINTING_H_
