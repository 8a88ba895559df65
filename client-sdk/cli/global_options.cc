#include "client-sdk/cli/global_options.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"

namespace wor::client {
namespace {

// Splits "--name=value" into name and value; "--name" gives no value.
struct FlagWord {
  std::string name;
  std::string value;
  bool has_value = false;
};

// The global options that take a value.
bool TakesValue(absl::string_view name) {
  return name == "--server" || name == "--lang" || name == "--timeout";
}

FlagWord SplitFlag(const std::string& arg) {
  FlagWord word;
  const size_t equals = arg.find('=');
  word.name = arg.substr(0, equals);
  if (equals != std::string::npos) {
    word.value = arg.substr(equals + 1);
    word.has_value = true;
  }
  return word;
}

}  // namespace

// The language must be known before any message is formatted, so it is
// looked up first.
Language LanguageFromArgs(const std::vector<std::string>& args,
                          const OptionDefaults& defaults) {
  std::string code = defaults.language;
  for (size_t i = 0; i < args.size() && absl::StartsWith(args[i], "-"); ++i) {
    const FlagWord word = SplitFlag(args[i]);
    const bool value_follows =
        TakesValue(word.name) && !word.has_value && i + 1 < args.size();
    if (word.name == "--lang") code = value_follows ? args[i + 1] : word.value;
    if (value_follows) ++i;
  }
  return ParseLanguage(code).value_or(Language::kDutch);
}

absl::StatusOr<GlobalParse> ParseGlobalOptions(
    const std::vector<std::string>& args, const OptionDefaults& defaults) {
  GlobalParse parse;
  GlobalOptions& options = parse.options;
  const Messages messages(LanguageFromArgs(args, defaults));
  if (!defaults.server.empty()) options.server = defaults.server;
  if (!defaults.language.empty()) {
    absl::StatusOr<Language> language = ParseLanguage(defaults.language);
    if (!language.ok()) {
      return absl::InvalidArgumentError(
          messages.Format(Msg::kBadLanguage, defaults.language));
    }
    options.language = *language;
  }

  size_t i = 0;
  for (; i < args.size() && absl::StartsWith(args[i], "-"); ++i) {
    FlagWord word = SplitFlag(args[i]);
    if (word.name == "--help" || word.name == "-h") {
      options.help_requested = true;
      continue;
    }
    if (word.name == "--json") {
      if (word.has_value) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kFlagTakesNoValue, "json"));
      }
      options.json = true;
      continue;
    }
    const bool takes_value = word.name == "--server" || word.name == "--lang" ||
                             word.name == "--timeout";
    if (!takes_value) {
      return absl::InvalidArgumentError(
          messages.Format(Msg::kUnknownFlag, word.name));
    }
    if (!word.has_value) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kFlagNeedsValue, word.name.substr(2), "…"));
      }
      word.value = args[++i];
    }
    if (word.name == "--server") {
      options.server = word.value;
    } else if (word.name == "--lang") {
      absl::StatusOr<Language> language = ParseLanguage(word.value);
      if (!language.ok()) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kBadLanguage, word.value));
      }
      options.language = *language;
    } else {
      double seconds = 0;
      if (!absl::SimpleAtod(word.value, &seconds) || !(seconds > 0) ||
          seconds > 24 * 3600) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kBadTimeout, word.value));
      }
      options.timeout = absl::Seconds(seconds);
    }
  }
  parse.rest.assign(args.begin() + i, args.end());
  return parse;
}

}  // namespace wor::client
