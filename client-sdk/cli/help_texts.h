// The prose of `wor help`: per command a one-line summary and a few lines
// of explanation, in Dutch and English. The synopsis and the allowed flag
// values come from command_table.h; this file only explains.
#ifndef WOR_CLIENT_SDK_CLI_HELP_TEXTS_H_
#define WOR_CLIENT_SDK_CLI_HELP_TEXTS_H_

#include "absl/strings/string_view.h"
#include "client-sdk/cli/messages.h"

namespace wor::client {

struct HelpText {
  // One line, for the command list.
  absl::string_view summary;
  // Explanation of the arguments and what is printed; may be empty.
  absl::string_view details;
};

// The help of a command or command group ("reject", "feedback send",
// "feedback", "help"); empty texts when there is none.
HelpText FindHelpText(absl::string_view path, Language language);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_HELP_TEXTS_H_
