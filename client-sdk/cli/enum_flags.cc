#include "client-sdk/cli/enum_flags.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace wor::client {
namespace {

using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;

constexpr absl::string_view kUnspecified = "UNSPECIFIED";

// "REJECTION_REASON_" for RejectionReason: the name of the zero value
// without "UNSPECIFIED". Every wor.v1 enum has an X_UNSPECIFIED zero value.
absl::string_view EnumPrefix(const EnumDescriptor& type) {
  const EnumValueDescriptor* zero = type.FindValueByNumber(0);
  if (zero == nullptr || !absl::EndsWith(zero->name(), kUnspecified)) {
    return "";
  }
  absl::string_view name = zero->name();
  name.remove_suffix(kUnspecified.size());
  return name;
}

bool IsZero(const EnumValueDescriptor& value) { return value.number() == 0; }

}  // namespace

std::string EnumValueToFlag(const EnumValueDescriptor& value) {
  absl::string_view name = value.name();
  absl::string_view prefix = EnumPrefix(*value.type());
  if (absl::StartsWith(name, prefix)) name.remove_prefix(prefix.size());
  return absl::StrReplaceAll(absl::AsciiStrToLower(name), {{"_", "-"}});
}

std::string EnumNumberToFlag(const EnumDescriptor& type, int number) {
  const EnumValueDescriptor* value = type.FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  return EnumValueToFlag(*value);
}

std::vector<std::string> EnumFlagValues(const EnumDescriptor& type) {
  std::vector<std::string> values;
  for (int i = 0; i < type.value_count(); ++i) {
    if (!IsZero(*type.value(i)))
      values.push_back(EnumValueToFlag(*type.value(i)));
  }
  return values;
}

EnumFlagMatch EnumValueFromFlag(const EnumDescriptor& type,
                                absl::string_view flag_value) {
  const std::string wanted =
      absl::StrReplaceAll(absl::AsciiStrToUpper(flag_value), {{"-", "_"}});
  EnumFlagMatch match;
  if (wanted.empty()) return match;

  const std::string full = absl::StrCat(EnumPrefix(type), wanted);
  for (const std::string& candidate : {full, wanted}) {
    const EnumValueDescriptor* value = type.FindValueByName(candidate);
    if (value != nullptr && !IsZero(*value)) {
      return {EnumFlagMatch::Kind::kFound, value->number()};
    }
  }

  // A unique last part of a name, on a word boundary.
  const std::string suffix = absl::StrCat("_", wanted);
  int found = 0;
  for (int i = 0; i < type.value_count(); ++i) {
    const EnumValueDescriptor& value = *type.value(i);
    if (IsZero(value) || !absl::EndsWith(value.name(), suffix)) continue;
    match.number = value.number();
    ++found;
  }
  if (found == 1) match.kind = EnumFlagMatch::Kind::kFound;
  if (found > 1) match = {EnumFlagMatch::Kind::kAmbiguous, 0};
  return match;
}

}  // namespace wor::client
