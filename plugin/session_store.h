// SessionStore: the GP's session in the plugin after a successful launch,
// found by the opaque id in the HttpOnly cookie.
//
//   std::string id = sessions.Create(session);   // Set-Cookie at /callback
//   std::optional<Session> s = sessions.Get(id); // on every page
//
// The session holds the EHR access token and the launch context; it never
// leaves the server. Sessions expire `ttl` after creation. In memory: a
// restart asks the GP to launch again. Thread-safe.
#ifndef WOR_PLUGIN_SESSION_STORE_H_
#define WOR_PLUGIN_SESSION_STORE_H_

#include <map>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "plugin/clock.h"

namespace wor::plugin {

// Values to prefill the form with, by the form's field path
// ("patient.given_name", "referrer.person_agb", …).
using FieldValues = std::multimap<std::string, std::string>;

struct Session {
  std::string fhir_base;         // the launch's iss
  std::string access_token;      // the EHR's, for FHIR reads
  std::string patient_id;        // the FHIR Patient id in context
  std::string fhir_user;         // e.g. "Practitioner/123"
  std::string practitioner_agb;  // the GP's AGB-Z, from the Practitioner
  std::string lang = "nl";
  FieldValues prefill;  // from FHIR Patient and Practitioner
  // Form nonces handed out, with the time of the first submit of each (unset
  // until submitted): the same nonce gives the same request.
  std::map<std::string, std::optional<absl::Time>> form_nonces;
};

class SessionStore {
 public:
  SessionStore(const Clock* clock, absl::Duration ttl)
      : clock_(clock), ttl_(ttl) {}

  // Stores `session` under a fresh random id and returns the id.
  std::string Create(Session session);
  // The session of `id`, unless unknown or expired.
  std::optional<Session> Get(const std::string& id);
  // A fresh nonce for one form of session `id` (empty if no session).
  std::string NewFormNonce(const std::string& id);
  // The consent time belonging to `nonce`: the time of its first submit,
  // fixed from then on so a repeated submit is the identical request.
  // Unset when the nonce is not one of the session's.
  std::optional<absl::Time> SubmitTimeOf(const std::string& id,
                                         const std::string& nonce);
  // Sets the session's language.
  void SetLanguage(const std::string& id, const std::string& lang);

 private:
  struct Entry {
    Session session;
    absl::Time expires;
  };
  Entry* FindLocked(const std::string& id, absl::Time now);

  const Clock* clock_;
  const absl::Duration ttl_;
  absl::Mutex mutex_;
  absl::flat_hash_map<std::string, Entry> entries_;
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_SESSION_STORE_H_
