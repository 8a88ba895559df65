#include "client-sdk/cli/global_options.h"

#include <array>
#include <optional>

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

// The connection options as given on the command line; unset when absent.
struct ConnectionFlags {
  std::optional<std::string> ca_file;
  std::optional<std::string> cert_file;
  std::optional<std::string> key_file;
  std::optional<std::string> token_file;
  std::optional<std::string> token;
  std::optional<std::string> dev_identity;

  bool ChoseTlsOrToken() const {
    return ca_file || cert_file || key_file || token_file || token;
  }
};

// Where each connection flag's value goes.
using ConnectionField = std::optional<std::string> ConnectionFlags::*;
struct ConnectionFlag {
  absl::string_view name;
  ConnectionField field;
};
constexpr std::array<ConnectionFlag, 6> kConnectionFlags = {{
    {"--ca-file", &ConnectionFlags::ca_file},
    {"--cert-file", &ConnectionFlags::cert_file},
    {"--key-file", &ConnectionFlags::key_file},
    {"--token-file", &ConnectionFlags::token_file},
    {"--token", &ConnectionFlags::token},
    {"--dev-identity", &ConnectionFlags::dev_identity},
}};

const ConnectionFlag* FindConnectionFlag(absl::string_view name) {
  for (const ConnectionFlag& flag : kConnectionFlags) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

// The global options that take a value.
bool TakesValue(absl::string_view name) {
  return name == "--server" || name == "--lang" || name == "--timeout" ||
         name == "--profile" || FindConnectionFlag(name) != nullptr;
}

// Fills the connection options from the command line and the environment:
// a flag replaces its own variable, and an identity chosen on the command
// line replaces the environment's identity of the other kind.
void ApplyConnectionOptions(const ConnectionFlags& flags,
                            const OptionDefaults& defaults,
                            GlobalOptions& options) {
  const bool use_environment_tls =
      flags.ChoseTlsOrToken() || !flags.dev_identity.has_value();
  auto pick = [use_environment_tls](const std::optional<std::string>& flag,
                                    const std::string& variable) {
    return flag.value_or(use_environment_tls ? variable : std::string());
  };
  options.ca_file = pick(flags.ca_file, defaults.ca_file);
  options.cert_file = pick(flags.cert_file, defaults.cert_file);
  options.key_file = pick(flags.key_file, defaults.key_file);
  // --token and --token-file are one setting in two forms.
  if (flags.token || flags.token_file) {
    options.token = flags.token.value_or("");
    options.token_file = flags.token_file.value_or("");
  } else {
    options.token = pick(std::nullopt, defaults.token);
    options.token_file = pick(std::nullopt, defaults.token_file);
  }
  options.dev_identity = flags.dev_identity.value_or(
      flags.ChoseTlsOrToken() ? std::string() : defaults.dev_identity);
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

std::string ProfileFromArgs(const std::vector<std::string>& args,
                            const OptionDefaults& defaults) {
  std::string profile = defaults.profile;
  for (size_t i = 0; i < args.size() && absl::StartsWith(args[i], "-"); ++i) {
    const FlagWord word = SplitFlag(args[i]);
    const bool value_follows =
        TakesValue(word.name) && !word.has_value && i + 1 < args.size();
    if (word.name == "--profile") {
      profile = value_follows ? args[i + 1] : word.value;
    }
    if (value_follows) ++i;
  }
  return profile;
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

  ConnectionFlags connection;
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
    if (!TakesValue(word.name)) {
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
    if (const ConnectionFlag* flag = FindConnectionFlag(word.name)) {
      if (word.value.empty()) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kFlagNeedsValue, word.name.substr(2), "…"));
      }
      connection.*(flag->field) = word.value;
    } else if (word.name == "--server") {
      options.server = word.value;
    } else if (word.name == "--profile") {
      options.profile = word.value;
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
  ApplyConnectionOptions(connection, defaults, options);
  parse.rest.assign(args.begin() + i, args.end());
  return parse;
}

}  // namespace wor::client
