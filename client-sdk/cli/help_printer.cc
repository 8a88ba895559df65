#include "client-sdk/cli/help_printer.h"

#include <ostream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client-sdk/cli/help_texts.h"

namespace wor::client {
namespace {

constexpr size_t kCommandColumn = 18;

void PrintCommandLine(absl::string_view path, absl::string_view summary,
                      std::ostream& out) {
  std::string padded(path);
  if (padded.size() < kCommandColumn) padded.resize(kCommandColumn, ' ');
  out << "  " << padded << summary << "\n";
}

std::string FlagSynopsis(const FlagSpec& flag) {
  std::string text = absl::StrCat("--", flag.name);
  if (!flag.value_name.empty()) absl::StrAppend(&text, " ", flag.value_name);
  if (!flag.required) text = absl::StrCat("[", text, "]");
  if (flag.repeatable) absl::StrAppend(&text, "...");
  return text;
}

}  // namespace

std::string Synopsis(const Command& command) {
  std::string text = absl::StrCat("wor ", command.path);
  for (const std::string& positional : command.positionals) {
    absl::StrAppend(&text, " ", positional);
  }
  for (const FlagSpec& flag : command.flags) {
    absl::StrAppend(&text, " ", FlagSynopsis(flag));
  }
  return text;
}

void PrintGeneralHelp(const Messages& messages, std::ostream& out) {
  out << messages.Pick(
             "wor: de opdrachtregel van Welzijn op Recept voor huisarts, POH "
             "en welzijnscoach.",
             "wor: the Welzijn op Recept command line for GP, POH and "
             "welfare coach.")
      << "\n\n"
      << messages.Text(Msg::kHelpUsage) << ": "
      << messages.Pick("wor [ALGEMENE OPTIES] OPDRACHT [ARGUMENTEN]",
                       "wor [GLOBAL OPTIONS] COMMAND [ARGUMENTS]")
      << "\n\n"
      << messages.Pick(
             "Aan de slag: 'wor login --server … --ca-file … --cert-file … "
             "--key-file …\n--token-file …' bewaart uw verbinding; daarna "
             "toont 'wor referrals' uw werklijst.",
             "Getting started: 'wor login --server … --ca-file … --cert-file "
             "… --key-file …\n--token-file …' saves your connection; then "
             "'wor referrals' shows your worklist.")
      << "\n\n"
      << messages.Text(Msg::kHelpCommands) << ":\n";
  for (const Command& command : AllCommands()) {
    PrintCommandLine(command.path,
                     FindHelpText(command.path, messages.language()).summary,
                     out);
  }
  PrintCommandLine(messages.Pick("help [OPDRACHT]", "help [COMMAND]"),
                   FindHelpText("help", messages.language()).summary, out);
  out << "\n"
      << messages.Text(Msg::kHelpGlobal) << "\n\n"
      << messages.Text(Msg::kHelpIdentity) << "\n\n"
      << messages.Text(Msg::kHelpExitCodes) << "\n\n"
      << messages.Text(Msg::kHelpMore) << "\n";
}

void PrintCommandHelp(const Command& command, const Messages& messages,
                      std::ostream& out) {
  const HelpText help = FindHelpText(command.path, messages.language());
  out << messages.Text(Msg::kHelpUsage) << ": " << Synopsis(command) << "\n\n"
      << help.summary << ".\n";
  if (!help.details.empty()) out << "\n" << help.details << "\n";
  bool first_value_list = true;
  for (const FlagSpec& flag : command.flags) {
    if (flag.enum_type == nullptr) continue;
    out << (first_value_list ? "\n" : "")
        << messages.Format(Msg::kHelpAllowedValues, flag.name,
                           AllowedValuesText(flag))
        << "\n";
    first_value_list = false;
  }
  if (HasVerbOptions(command)) {
    out << "\n" << messages.Text(Msg::kHelpVerbOptions) << "\n";
  }
}

void PrintGroupHelp(absl::string_view group, const Messages& messages,
                    std::ostream& out) {
  out << FindHelpText(group, messages.language()).summary << ".\n\n"
      << messages.Text(Msg::kHelpSubcommands) << ":\n";
  for (const Command* command : CommandsInGroup(group)) {
    PrintCommandLine(command->path,
                     FindHelpText(command->path, messages.language()).summary,
                     out);
  }
  out << "\n" << messages.Text(Msg::kHelpMore) << "\n";
}

}  // namespace wor::client
