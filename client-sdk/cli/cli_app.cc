#include "client-sdk/cli/cli_app.h"

#include <ostream>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "client-sdk/cli/command_context.h"
#include "client-sdk/cli/command_table.h"
#include "client-sdk/cli/error_reporting.h"
#include "client-sdk/cli/exit_codes.h"
#include "client-sdk/cli/flag_parser.h"
#include "client-sdk/cli/help_printer.h"
#include "client-sdk/cli/profile_selection.h"
#include "client-sdk/cli/profiles.h"

namespace wor::client {
namespace {

// `wor help [WORDS…]`.
int RunHelp(CommandContext& context, const std::vector<std::string>& topic) {
  if (topic.empty() || topic == std::vector<std::string>{"help"}) {
    PrintGeneralHelp(context.messages(), context.out());
    return kExitOk;
  }
  size_t words_used = 0;
  const Command* command = FindCommand(topic, &words_used);
  if (command != nullptr && words_used == topic.size()) {
    PrintCommandHelp(*command, context.messages(), context.out());
    return kExitOk;
  }
  if (topic.size() == 1 && !CommandsInGroup(topic[0]).empty()) {
    PrintGroupHelp(topic[0], context.messages(), context.out());
    return kExitOk;
  }
  return ReportUsageError(context,
                          absl::InvalidArgumentError(context.messages().Format(
                              Msg::kUnknownCommand, absl::StrJoin(topic, " "))),
                          "");
}

// The words did not name a command: a group without its subcommand, or
// nothing known.
int RunUnknown(CommandContext& context, const std::vector<std::string>& words,
               bool help_requested) {
  const bool is_group = !CommandsInGroup(words[0]).empty();
  const bool wants_help =
      help_requested ||
      (words.size() > 1 && (words[1] == "--help" || words[1] == "-h"));
  if (is_group && wants_help) {
    PrintGroupHelp(words[0], context.messages(), context.out());
    return kExitOk;
  }
  if (is_group && words.size() == 1) {
    context.err() << "wor: "
                  << context.messages().Format(
                         Msg::kMissingArgument,
                         context.messages().Pick("SUBOPDRACHT", "SUBCOMMAND"))
                  << "\n\n";
    PrintGroupHelp(words[0], context.messages(), context.err());
    return kExitUsage;
  }
  const std::string unknown =
      is_group ? absl::StrJoin(words.begin(), words.begin() + 2, " ")
               : words[0];
  return ReportUsageError(context,
                          absl::InvalidArgumentError(context.messages().Format(
                              Msg::kUnknownCommand, unknown)),
                          is_group ? words[0] : "");
}

// Whether the command line runs a command that needs no saved profile
// (help, login, logout, completion), so a profile that does not exist yet
// is no error.
bool NeedsNoProfile(const std::vector<std::string>& args,
                    const OptionDefaults& defaults) {
  absl::StatusOr<GlobalParse> parse = ParseGlobalOptions(args, defaults);
  if (!parse.ok() || parse->rest.empty()) return true;
  if (parse->rest[0] == "help") return true;
  size_t words_used = 0;
  const Command* command = FindCommand(parse->rest, &words_used);
  return command != nullptr && command->local;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, const OptionDefaults& defaults,
           std::istream& in, std::ostream& out, std::ostream& err,
           absl::Time now) {
  absl::StatusOr<ProfileSelection> selection =
      SelectProfile(args, defaults, LanguageFromArgs(args, defaults));
  if (absl::IsNotFound(selection.status()) && NeedsNoProfile(args, defaults)) {
    selection = ProfileSelection{defaults, ""};
  }
  absl::StatusOr<GlobalParse> parse =
      selection.ok() ? ParseGlobalOptions(args, selection->defaults)
                     : absl::StatusOr<GlobalParse>(selection.status());
  if (!parse.ok()) {
    GlobalOptions fallback;
    fallback.language =
        LanguageFromArgs(args, selection.ok() ? selection->defaults : defaults);
    CommandContext context(fallback, in, out, err, now);
    return ReportUsageError(context, parse.status(), "");
  }
  parse->options.active_profile = selection->name;
  parse->options.profile_directory = ProfileDirectory(defaults);
  CommandContext context(parse->options, in, out, err, now);
  const std::vector<std::string>& words = parse->rest;

  if (words.empty()) {
    if (context.options().help_requested) return RunHelp(context, {});
    context.err() << "wor: " << context.messages().Text(Msg::kNoCommand)
                  << "\n\n";
    PrintGeneralHelp(context.messages(), context.err());
    return kExitUsage;
  }
  if (words[0] == "help") {
    return RunHelp(context,
                   std::vector<std::string>(words.begin() + 1, words.end()));
  }

  size_t words_used = 0;
  const Command* command = FindCommand(words, &words_used);
  if (command == nullptr) {
    return RunUnknown(context, words, context.options().help_requested);
  }
  if (context.options().help_requested) {
    PrintCommandHelp(*command, context.messages(), context.out());
    return kExitOk;
  }
  const std::vector<std::string> command_args(words.begin() + words_used,
                                              words.end());
  absl::StatusOr<ParsedFlags> flags = ParseFlags(
      command_args, command->positionals, command->flags, context.messages());
  if (!flags.ok()) {
    return ReportUsageError(context, flags.status(), command->path);
  }
  if (flags->help_requested()) {
    PrintCommandHelp(*command, context.messages(), context.out());
    return kExitOk;
  }
  if (command->local) return command->handler(context, *flags);
  absl::Status security = context.LoadSecurity();
  if (!security.ok()) return ReportUsageError(context, security, "");
  return command->handler(context, *flags);
}

}  // namespace wor::client
