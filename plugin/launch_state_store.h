// LaunchStateStore: what the plugin remembers between sending the browser to
// the EHR's authorize endpoint and the browser coming back to /callback,
// keyed by the OAuth2 `state`.
//
//   std::string state = store.Put(pending);        // into the authorize URL
//   absl::StatusOr<PendingLaunch> p = store.Take(state);  // at /callback
//
// A state is single use (Take removes it, also when it has expired) and
// expires after `ttl`, so a replayed or stale callback is refused. Kept in
// memory: a restart of the plugin only makes launches in flight start over.
// Thread-safe.
#ifndef WOR_PLUGIN_LAUNCH_STATE_STORE_H_
#define WOR_PLUGIN_LAUNCH_STATE_STORE_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "plugin/clock.h"

namespace wor::plugin {

// One launch between /launch and /callback.
struct PendingLaunch {
  std::string iss;             // the FHIR base the EHR launched with
  std::string code_verifier;   // PKCE, sent with the code exchange
  std::string token_endpoint;  // from the EHR's smart-configuration
  std::string issuer;          // the authorisation server's issuer, if given
  std::string lang;            // "nl" or "en", as asked at launch
};

class LaunchStateStore {
 public:
  LaunchStateStore(const Clock* clock, absl::Duration ttl)
      : clock_(clock), ttl_(ttl) {}

  // Stores `launch` under a fresh random state and returns the state.
  std::string Put(PendingLaunch launch);

  // Returns and forgets the launch of `state`. NOT_FOUND for an unknown (or
  // already used) state, DEADLINE_EXCEEDED for an expired one.
  absl::StatusOr<PendingLaunch> Take(const std::string& state);

 private:
  struct Entry {
    PendingLaunch launch;
    absl::Time expires;
  };
  void DropExpiredLocked(absl::Time now);

  const Clock* clock_;
  const absl::Duration ttl_;
  absl::Mutex mutex_;
  absl::flat_hash_map<std::string, Entry> entries_;
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_LAUNCH_STATE_STORE_H_
