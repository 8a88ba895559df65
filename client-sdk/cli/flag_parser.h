// Parses the arguments after a command's name against the command's
// declared flags and positional arguments.
//
//   FlagSpec reason;
//   reason.name = "reason";
//   reason.value_name = "REASON";
//   reason.required = true;
//   reason.enum_type = wor::v1::RejectionReason_descriptor;
//   absl::StatusOr<ParsedFlags> parsed =
//       ParseFlags(args, {"NAME"}, {reason}, messages);
//   parsed->positional(0);          // the referral name
//   parsed->EnumValue("reason");    // REJECTION_REASON_… as a number
//
// Flags are written `--name value` or `--name=value`. Enum flags are
// checked here (see enum_flags.h), so a handler only sees valid numbers. A
// failure is INVALID_ARGUMENT with a message in the user's language.
#ifndef WOR_CLIENT_SDK_CLI_FLAG_PARSER_H_
#define WOR_CLIENT_SDK_CLI_FLAG_PARSER_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client-sdk/cli/messages.h"
#include "google/protobuf/descriptor.h"

namespace wor::client {

// One flag a command accepts.
struct FlagSpec {
  // Without the leading "--", e.g. "reason".
  std::string name;
  // Shown in help ("REASON"); empty for a flag without a value (--all).
  std::string value_name;
  bool required = false;
  // May be given more than once (list --state).
  bool repeatable = false;
  // For enum-valued flags: the descriptor of the proto enum.
  const google::protobuf::EnumDescriptor* (*enum_type)() = nullptr;
};

// The parsed arguments of one command.
class ParsedFlags {
 public:
  const std::vector<std::string>& positionals() const { return positionals_; }
  const std::string& positional(size_t index) const {
    return positionals_[index];
  }
  // --help or -h was given; nothing else was checked.
  bool help_requested() const { return help_requested_; }

  bool Has(absl::string_view name) const;
  // The (last) value of `name`, or "" when absent.
  std::string Value(absl::string_view name) const;
  // All values of a repeatable flag, in order.
  std::vector<std::string> Values(absl::string_view name) const;
  // The enum number of an enum flag, 0 when absent.
  int EnumValue(absl::string_view name) const;
  // All enum numbers of a repeatable enum flag, in order.
  std::vector<int> EnumValues(absl::string_view name) const;

 private:
  friend absl::StatusOr<ParsedFlags> ParseFlags(const std::vector<std::string>&,
                                                const std::vector<std::string>&,
                                                const std::vector<FlagSpec>&,
                                                const Messages&);

  std::vector<std::string> positionals_;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
  std::map<std::string, std::vector<int>, std::less<>> enum_values_;
  bool help_requested_ = false;
};

// Parses `args` (the words after the command's name). `positional_names`
// are the required positional arguments, by their help names ("NAME").
absl::StatusOr<ParsedFlags> ParseFlags(
    const std::vector<std::string>& args,
    const std::vector<std::string>& positional_names,
    const std::vector<FlagSpec>& specs, const Messages& messages);

// "outside-service-area, not-suitable, …": the accepted values of an enum
// flag, for help texts and error messages.
std::string AllowedValuesText(const FlagSpec& spec);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_FLAG_PARSER_H_
