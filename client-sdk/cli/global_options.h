// The options that come before the command: where the server is, how to
// print, which language, how long to wait.
//
//   wor --server 127.0.0.1:50999 --json --lang en --timeout 5 get referrals/x
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
};

// The environment variables that supply defaults; empty means unset.
struct OptionDefaults {
  std::string server;    // WOR_SERVER
  std::string language;  // WOR_LANG
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

// Parses the leading options of `args` (argv without the program name).
// A failure is INVALID_ARGUMENT with a message in the language chosen so far
// (or Dutch).
absl::StatusOr<GlobalParse> ParseGlobalOptions(
    const std::vector<std::string>& args, const OptionDefaults& defaults);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_GLOBAL_OPTIONS_H_
