// The referral lifecycle as one table: which verb methods are allowed in
// which state. The workflow asks this table before every change, so an
// illegal transition is refused in one place with one kind of message.
//
//   REQUESTED ─Accept→ ACCEPTED ─contact reached→ CONTACTED ─ScheduleIntake→
//   INTAKE_SCHEDULED ─RecordIntake→ INTAKE_DONE ─ChooseActivity→ IN_PROGRESS
//   ─CompleteReferral→ COMPLETED;  REQUESTED ─Reject→ REJECTED;
//   open states ─Cancel→ CANCELLED;  open states ⇄ ON_HOLD (PutOnHold/Resume).
//
// Stateless and thread-safe.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_STATE_MACHINE_H_
#define WOR_SERVER_DOMAIN_REFERRAL_STATE_MACHINE_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// The verb methods that may change a referral, named as their RPCs.
enum class ReferralVerb {
  kAcceptReferral,
  kRejectReferral,
  kCancelReferral,
  kPutReferralOnHold,
  kResumeReferral,
  kRecordContactAttempt,
  kScheduleIntake,
  kCancelIntake,
  kRecordIntakeNoShow,
  kRecordIntake,
  kChooseActivity,
  kCompleteReferral,
};

// All verbs, in lifecycle order (for tables and tests).
const std::vector<ReferralVerb>& AllReferralVerbs();

// The RPC method name of a verb, e.g. "AcceptReferral".
absl::string_view ReferralVerbName(ReferralVerb verb);

// The state name without its prefix, e.g. "INTAKE_SCHEDULED".
absl::string_view ShortStateName(wor::v1::ReferralState state);

bool IsVerbAllowed(wor::v1::ReferralState state, ReferralVerb verb);

// The verbs allowed in `state`, in lifecycle order.
std::vector<ReferralVerb> AllowedVerbs(wor::v1::ReferralState state);

// OK when allowed; otherwise FAILED_PRECONDITION naming the current state
// and the verbs allowed from it.
absl::Status CheckVerbAllowed(wor::v1::ReferralState state, ReferralVerb verb);

// Terminal states accept no verb: REJECTED, COMPLETED, CANCELLED.
bool IsTerminalState(wor::v1::ReferralState state);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_STATE_MACHINE_H_
