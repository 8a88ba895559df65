// The options that come before the command: where the server is, who calls
// and how that is proved, how to print, which language, how long to wait.
//
//   wor --server 127.0.0.1:50999 --json --lang en --timeout 5 get referrals/x
//   wor --ca-file var/pki/ca.pem --cert-file var/pki/clients/kvk-41234567.pem
//       --key-file var/pki/clients/kvk-41234567.key.pem
//       --token-file var/tokens/coach.jwt list
//   wor --dev-identity kvk:41234567,coach-1,COACH list   # development server
//   wor --profile coach referrals         # settings saved by `wor login`
//
// Each option has an environment variable as its default (OptionDefaults).
// A value on the command line replaces its variable, and an identity chosen
// on the command line (any TLS or token option, or --dev-identity) replaces
// the environment's identity of the other kind, so `source var/demo-gp.env`
// followed by `wor --dev-identity …` does what it says. --token and
// --token-file are one setting: either on the command line replaces both
// variables.
#ifndef WOR_CLIENT_SDK_CLI_GLOBAL_OPTIONS_H_
#define WOR_CLIENT_SDK_CLI_GLOBAL_OPTIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "client-sdk/cli/messages.h"

namespace wor::client {

struct GlobalOptions {
  std::string server = "127.0.0.1:50051";
  bool json = false;
  Language language = Language::kDutch;
  absl::Duration timeout = absl::Seconds(10);
  // --help or -h before any command.
  bool help_requested = false;

  // Mutual TLS. With `ca_file` (the CA that issued the server's
  // certificate) the connection is TLS; without it, plaintext. `cert_file`
  // and `key_file` are the organisation's client certificate and key.
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  // The user token: a file read on every run, or the token itself. At most
  // one is set; never printed.
  std::string token_file;
  std::string token;
  // Development mode instead of a certificate and token:
  // "ORGANISATION,USER,ROLE[,ACTING_FOR]" (see connection_security.h).
  std::string dev_identity;
  // --profile NAME (profiles.h); empty when not given on the command line.
  std::string profile;
  // The profile whose settings apply (from --profile, WOR_PROFILE or the
  // profile "default"); empty when none does. Set by RunCli().
  std::string active_profile;
  // Where profiles are saved (profiles.h ProfileDirectory); empty when
  // neither XDG_CONFIG_HOME nor HOME is set.
  std::string profile_directory;
};

// The environment variables that supply defaults; empty means unset.
struct OptionDefaults {
  std::string server;        // WOR_SERVER
  std::string language;      // WOR_LANG
  std::string ca_file;       // WOR_CA_FILE
  std::string cert_file;     // WOR_CERT_FILE
  std::string key_file;      // WOR_KEY_FILE
  std::string token_file;    // WOR_TOKEN_FILE
  std::string token;         // WOR_TOKEN
  std::string dev_identity;  // WOR_DEV_IDENTITY
  std::string profile;       // WOR_PROFILE
  // Where profiles live (profiles.h): $XDG_CONFIG_HOME, else $HOME/.config.
  std::string config_home;  // XDG_CONFIG_HOME
  std::string home;         // HOME
};

// The global options and the words after them (the command and its
// arguments).
struct GlobalParse {
  GlobalOptions options;
  std::vector<std::string> rest;
};

// The language the user asked for in `args` or the environment, else Dutch;
// usable even when the rest of the options do not parse.
Language LanguageFromArgs(const std::vector<std::string>& args,
                          const OptionDefaults& defaults);

// The profile named by --profile in `args`, else WOR_PROFILE; empty when
// neither names one. Usable before the rest of the options are parsed.
std::string ProfileFromArgs(const std::vector<std::string>& args,
                            const OptionDefaults& defaults);

// Parses the leading options of `args` (argv without the program name).
// Whether the connection options fit together is checked only when a
// command connects (connection_security.h), so `wor help` always works. A
// failure is INVALID_ARGUMENT with a message in the language chosen so far
// (or Dutch).
absl::StatusOr<GlobalParse> ParseGlobalOptions(
    const std::vector<std::string>& args, const OptionDefaults& defaults);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_GLOBAL_OPTIONS_H_
