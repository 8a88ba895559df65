// What every connection of the SDK needs to know: where the server is, how
// the channel is secured, who calls, how long a call may take and how
// transient failures are retried.
//
//   wor::client::Options options;
//   options.endpoint = "wor.example.nl:443";
//   options.ca_file = "/etc/wor/ca.pem";              // verifies the server
//   options.cert_file = "/etc/wor/kvk-41234567.pem";  // the organisation
//   options.key_file = "/etc/wor/kvk-41234567.key.pem";
//   options.token_provider = wor::client::TokenFromFile("/run/wor/user.jwt");
//   auto client = wor::client::ReferralClient(
//       wor::client::MakeReferralConnection(options));
//
// Options is a plain value: copy it, change a field, make another
// connection. A user token is only ever sent over TLS.
#ifndef WOR_CLIENT_OPTIONS_H_
#define WOR_CLIENT_OPTIONS_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"

namespace wor::client {

// Returns the user's token (a signed JWT) for one call. Called before every
// call and every reconnect of a stream, so a renewed token is picked up; must
// be thread-safe. A failure fails the call with the provider's status
// (nothing is sent).
using TokenProvider = std::function<absl::StatusOr<std::string>()>;

// Reads the token from `path` on every call (trailing whitespace removed).
// Errors name the file, never its content.
TokenProvider TokenFromFile(std::string path);

// Always the same token (e.g. one obtained through OAuth2 by the caller).
TokenProvider FixedToken(std::string token);

// How transient failures (UNAVAILABLE) are retried: at most `max_attempts`
// attempts in all, waiting a random time in [backoff/2, backoff] between
// them, the backoff growing by `multiplier` up to `max_backoff`. Only
// idempotent calls are retried (see README.md: reads, and every mutating call
// since it carries a request_id).
struct RetryOptions {
  int max_attempts = 4;
  absl::Duration initial_backoff = absl::Milliseconds(200);
  absl::Duration max_backoff = absl::Seconds(5);
  double multiplier = 2.0;
};

struct Options {
  // host:port of the server.
  std::string endpoint = "127.0.0.1:50051";

  // Mutual TLS, as PEM files. With `ca_file` (the CA that issued the
  // server's certificate) the channel is TLS, else plaintext. `cert_file`
  // and `key_file` are the organisation's client certificate and its key;
  // they go together.
  std::string ca_file;
  std::string cert_file;
  std::string key_file;

  // A ready channel to use instead of `endpoint` and the files above (for
  // sharing one channel between clients, or in-process servers in tests).
  // The channel decides about TLS: set `channel_is_secure` when it is (also
  // when a stub of your own stands in for the channel).
  std::shared_ptr<grpc::Channel> channel;
  bool channel_is_secure = false;

  // The user's token, sent as "authorization: Bearer …" on every call;
  // unset for none.
  TokenProvider token_provider;

  // Further metadata sent with every call, e.g. the x-wor-* identity headers
  // a development server accepts (see DevelopmentIdentity()).
  std::vector<std::pair<std::string, std::string>> metadata;

  // The deadline of each attempt of a unary call. Streams have none.
  absl::Duration call_timeout = absl::Seconds(30);

  RetryOptions retry;

  // Put before gRPC's user agent, on channels the SDK makes (not on
  // `channel`).
  std::string user_agent = "wor-client-cpp/1";
};

// The metadata identifying a caller to a server started with
// `security { development_mode: true }` on loopback (never in production):
// organisation "agb:01012345" or "kvk:41234567", user, role ("COACH", …) and
// optionally the responsible user the caller acts for.
std::vector<std::pair<std::string, std::string>> DevelopmentIdentity(
    absl::string_view organisation, absl::string_view user,
    absl::string_view role, absl::string_view acting_for = "");

}  // namespace wor::client

#endif  // WOR_CLIENT_OPTIONS_H_
