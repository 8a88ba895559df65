#include "client-sdk/cli/flag_parser.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client-sdk/cli/enum_flags.h"

namespace wor::client {
namespace {

const FlagSpec* FindSpec(const std::vector<FlagSpec>& specs,
                         absl::string_view name) {
  for (const FlagSpec& spec : specs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool IsHelpFlag(absl::string_view arg) {
  return arg == "--help" || arg == "-h";
}

// A word starting with '-' that is not "-" itself (standard input).
bool LooksLikeFlag(absl::string_view arg) {
  return arg.size() > 1 && arg[0] == '-';
}

}  // namespace

bool ParsedFlags::Has(absl::string_view name) const {
  return values_.find(name) != values_.end();
}

std::string ParsedFlags::Value(absl::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? "" : it->second.back();
}

std::vector<std::string> ParsedFlags::Values(absl::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

int ParsedFlags::EnumValue(absl::string_view name) const {
  auto it = enum_values_.find(name);
  return it == enum_values_.end() ? 0 : it->second.back();
}

std::vector<int> ParsedFlags::EnumValues(absl::string_view name) const {
  auto it = enum_values_.find(name);
  return it == enum_values_.end() ? std::vector<int>() : it->second;
}

std::string AllowedValuesText(const FlagSpec& spec) {
  if (spec.enum_type == nullptr) return "";
  return absl::StrJoin(EnumFlagValues(*spec.enum_type()), ", ");
}

absl::StatusOr<ParsedFlags> ParseFlags(
    const std::vector<std::string>& args,
    const std::vector<std::string>& positional_names,
    const std::vector<FlagSpec>& specs, const Messages& messages) {
  ParsedFlags parsed;
  for (const std::string& arg : args) {
    if (IsHelpFlag(arg)) {
      parsed.help_requested_ = true;
      return parsed;
    }
  }

  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!LooksLikeFlag(arg)) {
      if (parsed.positionals_.size() >= positional_names.size()) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kUnexpectedArgument, arg));
      }
      parsed.positionals_.push_back(arg);
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      return absl::InvalidArgumentError(
          messages.Format(Msg::kUnknownFlag, arg));
    }
    absl::string_view name = absl::string_view(arg).substr(2);
    std::string value;
    bool has_inline_value = false;
    if (const size_t equals = name.find('='); equals != name.npos) {
      value = std::string(name.substr(equals + 1));
      name = name.substr(0, equals);
      has_inline_value = true;
    }
    const FlagSpec* spec = FindSpec(specs, name);
    if (spec == nullptr) {
      return absl::InvalidArgumentError(
          messages.Format(Msg::kUnknownFlag, absl::StrCat("--", name)));
    }
    if (spec->value_name.empty()) {
      if (has_inline_value) {
        return absl::InvalidArgumentError(
            messages.Format(Msg::kFlagTakesNoValue, spec->name));
      }
    } else if (!has_inline_value) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(messages.Format(
            Msg::kFlagNeedsValue, spec->name, spec->value_name));
      }
      value = args[++i];
    }
    std::vector<std::string>& values = parsed.values_[spec->name];
    if (!values.empty() && !spec->repeatable) {
      return absl::InvalidArgumentError(
          messages.Format(Msg::kFlagOnce, spec->name));
    }
    values.push_back(value);

    if (spec->enum_type != nullptr) {
      const EnumFlagMatch match = EnumValueFromFlag(*spec->enum_type(), value);
      if (match.kind != EnumFlagMatch::Kind::kFound) {
        const Msg id = match.kind == EnumFlagMatch::Kind::kAmbiguous
                           ? Msg::kAmbiguousEnumValue
                           : Msg::kBadEnumValue;
        return absl::InvalidArgumentError(
            messages.Format(id, value, spec->name, AllowedValuesText(*spec)));
      }
      parsed.enum_values_[spec->name].push_back(match.number);
    }
  }

  if (parsed.positionals_.size() < positional_names.size()) {
    return absl::InvalidArgumentError(messages.Format(
        Msg::kMissingArgument, positional_names[parsed.positionals_.size()]));
  }
  for (const FlagSpec& spec : specs) {
    if (spec.required && !parsed.Has(spec.name)) {
      return absl::InvalidArgumentError(
          messages.Format(Msg::kFlagRequired, spec.name));
    }
  }
  return parsed;
}

}  // namespace wor::client
