// Renders `wor help`, `wor help COMMAND` and `wor COMMAND --help` from the
// command table (synopsis, allowed values) and the help texts (prose).
#ifndef WOR_CLIENT_SDK_CLI_HELP_PRINTER_H_
#define WOR_CLIENT_SDK_CLI_HELP_PRINTER_H_

#include <iosfwd>
#include <string>

#include "absl/strings/string_view.h"
#include "client-sdk/cli/command_table.h"
#include "client-sdk/cli/messages.h"

namespace wor::client {

// "wor reject NAME --reason REASON [--etag E] [--request-id ID]".
std::string Synopsis(const Command& command);

// The list of all commands with the global options and exit codes.
void PrintGeneralHelp(const Messages& messages, std::ostream& out);

// Synopsis, explanation and allowed values of one command.
void PrintCommandHelp(const Command& command, const Messages& messages,
                      std::ostream& out);

// The subcommands of a group such as "feedback".
void PrintGroupHelp(absl::string_view group, const Messages& messages,
                    std::ostream& out);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_HELP_PRINTER_H_
