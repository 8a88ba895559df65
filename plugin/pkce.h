// PKCE (RFC 7636) with the S256 method, and the random values of a SMART
// launch (state, nonces, session ids).
//
//   std::string verifier = NewCodeVerifier();
//   std::string challenge = CodeChallengeS256(verifier);  // to /authorize
//   ...                                                    // verifier to
//   /token
#ifndef WOR_PLUGIN_PKCE_H_
#define WOR_PLUGIN_PKCE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace wor::plugin {

// base64url without padding (RFC 4648 §5), as PKCE and JWTs use it.
std::string Base64UrlEncode(absl::string_view bytes);

// `bytes` random bytes from OpenSSL's CSPRNG, base64url-encoded: for state,
// nonces and session ids.
std::string RandomToken(size_t bytes = 32);

// A fresh code verifier: 32 random bytes, base64url (43 characters, within
// RFC 7636's 43–128 of [A-Za-z0-9-._~]).
std::string NewCodeVerifier();

// BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2.
std::string CodeChallengeS256(absl::string_view verifier);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_PKCE_H_
