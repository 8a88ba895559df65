// Exit codes of the `wor` command-line client.
//
// Scripts branch on these, so they are part of the command surface: never
// renumber them.
#ifndef WOR_CLIENT_SDK_CLI_EXIT_CODES_H_
#define WOR_CLIENT_SDK_CLI_EXIT_CODES_H_

namespace wor::client {

enum ExitCode : int {
  // The command did what was asked.
  kExitOk = 0,
  // Anything not covered below (an unexpected server error, a local I/O
  // failure).
  kExitFailure = 1,
  // The command line was wrong: nothing was sent to the server.
  kExitUsage = 2,
  // The server does not know the named resource (NOT_FOUND).
  kExitNotFound = 3,
  // The server refused the request (INVALID_ARGUMENT, FAILED_PRECONDITION,
  // ALREADY_EXISTS, ABORTED): fix the input or the referral's state first.
  kExitRefused = 4,
  // The server could not be reached in time (UNAVAILABLE,
  // DEADLINE_EXCEEDED): retrying later may help.
  kExitUnreachable = 5,
  // The server does not know who calls (UNAUTHENTICATED, or a TLS handshake
  // it refused): the certificate or token is missing, invalid or expired.
  // Fix the credentials (a new token, the right --cert-file) and retry.
  kExitUnauthenticated = 6,
  // The server knows who calls, and this role or organisation may not do
  // this (PERMISSION_DENIED). Retrying does not help; someone with the right
  // role must do it.
  kExitPermissionDenied = 7,
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_EXIT_CODES_H_
