// The commands of `wor`: their words, positional arguments, flags and
// handlers. The help synopsis and the allowed values of enum flags are
// generated from this table, so help cannot drift from what is parsed.
#ifndef WOR_CLIENT_SDK_CLI_COMMAND_TABLE_H_
#define WOR_CLIENT_SDK_CLI_COMMAND_TABLE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/flag_parser.h"

namespace wor::client {

struct Command {
  // The words that name the command: "reject", "feedback send".
  std::string path;
  // Required positional arguments by their help names ("NAME").
  std::vector<std::string> positionals;
  std::vector<FlagSpec> flags;
  CommandHandler handler = nullptr;
  // Runs without the connection options being checked first (login,
  // logout, completion): it connects itself, or not at all.
  bool local = false;
};

// Every command, in the order `wor help` lists them.
const std::vector<Command>& AllCommands();

// The command whose path is the longest match for the first words of
// `words`; sets `*words_used` to its number of words. nullptr if none.
const Command* FindCommand(const std::vector<std::string>& words,
                           size_t* words_used);

// The commands whose path starts with the word `group` followed by more
// words ("feedback" → feedback send, list, ack); empty when it is no group.
std::vector<const Command*> CommandsInGroup(absl::string_view group);

// Whether the command takes --etag (a referral verb).
bool HasVerbOptions(const Command& command);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_COMMAND_TABLE_H_
