// The coach's worklist: which deadline of each referral comes next, and the
// order to work in — overdue referrals first (the longest overdue on top),
// then by the nearest running deadline, then those without one (on hold,
// closed). Pure functions over referrals and an instant; no I/O.
//
//   std::vector<WorklistEntry> list = BuildWorklist(referrals, now);
//   if (list[0].next && list[0].next->overdue) …
//
// Working days are counted by the statutory Dutch calendar (Algemene
// termijnenwet: weekends and public holidays closed). An organisation may
// also close on other days, which only the server knows: the server's
// deadline status stays the authority on what is overdue.
#ifndef WOR_CLIENT_SDK_CLI_WORKLIST_H_
#define WOR_CLIENT_SDK_CLI_WORKLIST_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"
#include "wor/v1/referral.pb.h"

namespace wor::client {

// The deadline a referral's coach must act on next.
struct NextDeadline {
  wor::v1::DeadlineKind kind = wor::v1::DEADLINE_KIND_UNSPECIFIED;
  wor::v1::Deadline deadline;
  // BREACHED, or PENDING with its due time passed (the server's scanner
  // may not have marked it yet).
  bool overdue = false;
  // Working days from today (Europe/Amsterdam) to the due date when not
  // overdue (0: due today); working days since the due date when overdue.
  int working_days = 0;
};

struct WorklistEntry {
  wor::v1::Referral referral;
  // Empty when no deadline runs (on hold: paused; closed: all met).
  std::optional<NextDeadline> next;
};

// The running deadline (PENDING or BREACHED) that matters first: an
// overdue one before any other, else the one due soonest; ties go to the
// order of ReferralDeadlines' fields.
std::optional<NextDeadline> FindNextDeadline(const wor::v1::Referral& referral,
                                             absl::Time now);

// The referrals in worklist order (see the top of this file); equal
// referrals keep their order by name, so the output is stable.
std::vector<WorklistEntry> BuildWorklist(
    std::vector<wor::v1::Referral> referrals, absl::Time now);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_WORKLIST_H_
