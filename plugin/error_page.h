// Error pages for the GP: what went wrong in words a GP understands and what
// to do, in Dutch (English on the switch). They never contain personal data,
// tokens or technical traces; the technical cause goes to the log.
#ifndef WOR_PLUGIN_ERROR_PAGE_H_
#define WOR_PLUGIN_ERROR_PAGE_H_

#include <string>

namespace wor::plugin {

enum class ErrorKind {
  kLaunchInvalid,        // /launch without iss/launch, or iss not allowed
  kEhrUnreachable,       // discovery, token or FHIR call failed
  kStateInvalid,         // unknown, used or expired state at /callback
  kAuthorisationDenied,  // the EHR refused or returned an error
  kNoPatientContext,     // the token carries no patient
  kNoUserContext,        // the token carries no fhirUser
  kSessionMissing,       // no or expired session cookie
  kServerUnavailable,    // wor-server cannot be reached
  kServerRefused,        // wor-server refused (permission, authentication)
  kFormExpired,          // unknown form nonce
};

// A stable name for logs, e.g. "state_invalid".
const char* ErrorKindName(ErrorKind kind);

// The HTTP status for the kind.
int HttpStatusFor(ErrorKind kind);

// The whole page.
std::string RenderErrorPage(ErrorKind kind, const std::string& lang);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_ERROR_PAGE_H_
