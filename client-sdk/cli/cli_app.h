// The `wor` program without its process: parses the global options, finds
// the command, parses its arguments, prints help, runs the handler and
// returns the exit code (exit_codes.h). main() supplies the arguments, the
// environment's defaults, the streams and the start time, so the whole
// client can be driven from a test.
#ifndef WOR_CLIENT_SDK_CLI_CLI_APP_H_
#define WOR_CLIENT_SDK_CLI_CLI_APP_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "client-sdk/cli/global_options.h"

namespace wor::client {

// `args` is argv without the program name.
int RunCli(const std::vector<std::string>& args, const OptionDefaults& defaults,
           std::istream& in, std::ostream& out, std::ostream& err,
           absl::Time now);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_CLI_APP_H_
