// The one path by which a verb method changes a referral. In a single store
// transaction it: replays a retried request_id, loads the referral (NOT_FOUND
// outside the caller's relationship, audited as denied), checks
// the etag (stale → ABORTED) and the state machine (illegal →
// FAILED_PRECONDITION), applies the verb's change, moves the deadline clocks
// along (AdvanceClocks: pause, resume, start, meet, close), bumps the etag,
// writes the outbox event and the audit record, and remembers the result for
// retries. The result passes the disclosure table. Verbs supply only their
// change.
//
// Thread-safe: the store serialises transactions.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_MUTATOR_H_
#define WOR_SERVER_DOMAIN_REFERRAL_MUTATOR_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/referral_state_machine.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// What a verb call brings besides its change.
struct VerbCall {
  const CallContext& call;                   // who, for access and audit
  const google::protobuf::Message& request;  // the whole request, for retries
  // The lifecycle verb; nullopt for a consent change, which the lifecycle
  // does not restrict (a patient may always withdraw).
  std::optional<ReferralVerb> verb;
  const std::string& name;  // referrals/{id}
  const std::string& etag;  // empty: unconditional
  const std::string& request_id;
};

class ReferralMutator {
 public:
  // Changes `referral` in place, at `now`. May fail (e.g. a catalogue check);
  // then nothing is stored. Runs only for a referral the caller may touch.
  using Change =
      std::function<absl::Status(wor::v1::Referral& referral, absl::Time now)>;

  // A change that also reads (or writes) other rows in the same
  // transaction, e.g. the coach's other bookings.
  using ChangeInTransaction = std::function<absl::Status(
      WriteTransaction& tx, wor::v1::Referral& referral, absl::Time now)>;

  // `region` gives each referral's deadline policy, for its clocks
  // (AdvanceClocks); null only for changes that never touch the lifecycle
  // (consent).
  ReferralMutator(Store* store, const Clock* clock,
                  const RegionDirectory* region)
      : store_(store), clock_(clock), region_(region), audit_(store, clock) {}

  absl::StatusOr<wor::v1::Referral> Apply(const VerbCall& call,
                                          const Change& change);
  absl::StatusOr<wor::v1::Referral> ApplyInTransaction(
      const VerbCall& call, const ChangeInTransaction& change);

 private:
  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  AccessAudit audit_;
};

// The NOT_FOUND a caller sees for a missing referral and for one outside
// their relationship alike.
absl::Status ReferralNotFound(const std::string& name);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_MUTATOR_H_
