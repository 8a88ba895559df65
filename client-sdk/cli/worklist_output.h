// How `wor referrals` prints the worklist (worklist.h): a table for people
// and a stable JSON document for scripts. Neither contains patient data —
// like `wor list`, the worklist is safe to paste into a ticket; `wor show`
// is where the coach sees whom to call.
//
// Table, one referral a line, overdue ones marked with "!" and TE LAAT:
//
//     VERWIJZING       STATUS     VOLGENDE TERMIJN            UITERLIJK   STAND
//   ! referrals/abc    accepted   eerste contact (uiterlijk)  2026-04-30  TE
//   LAAT: 2 werkdagen
//     referrals/def    contacted  intake                      2026-05-07  nog 6
//     werkdagen
//
// JSON, one line (keys in this order, enum values by their proto names):
//
//   {"coach":"welfareOrganisations/…/coaches/…","referrals":[{"name":…,
//    "state":"REFERRAL_STATE_ACCEPTED","assignedCoach":…,
//    "nextDeadline":{"kind":"DEADLINE_KIND_FIRST_CONTACT_LIMIT",
//    "dueDate":"2026-04-30","dueTime":"2026-04-30T22:00:00Z",
//    "status":"DEADLINE_STATUS_BREACHED","overdue":true,"workingDays":2}}]}
//
// "coach" is empty for an organisation's list (--all-coaches);
// "nextDeadline" is null when no deadline runs.
#ifndef WOR_CLIENT_SDK_CLI_WORKLIST_OUTPUT_H_
#define WOR_CLIENT_SDK_CLI_WORKLIST_OUTPUT_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "client-sdk/cli/messages.h"
#include "client-sdk/cli/worklist.h"

namespace wor::client {

// "eerste contact (uiterlijk)", "intake", "terugkoppeling na intake", …
std::string DeadlineKindText(wor::v1::DeadlineKind kind,
                             const Messages& messages);

// "TE LAAT: 2 werkdagen", "vandaag", "nog 6 werkdagen".
std::string DeadlineStandingText(const NextDeadline& next,
                                 const Messages& messages);

void PrintWorklistTable(const std::vector<WorklistEntry>& entries,
                        const Messages& messages, std::ostream& out);

void PrintWorklistJson(const std::vector<WorklistEntry>& entries,
                       absl::string_view coach, std::ostream& out);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_WORKLIST_OUTPUT_H_
