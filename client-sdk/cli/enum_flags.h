// Maps command-line values such as "no-capacity" to proto enum values such
// as REJECTION_REASON_NO_CAPACITY and back, by the enum's descriptor, so the
// accepted values follow the contract and no table can drift from it.
//
// A flag value is the enum value's name without the enum's prefix (the name
// of its zero value minus "UNSPECIFIED"), in lower case with '-' for '_'.
// A shorter value is accepted when it is the unique last part of one
// value's name ("unreachable" for HOLD_REASON_PATIENT_UNREACHABLE), and so is
// the full upper-case name. The zero value is never accepted.
#ifndef WOR_CLIENT_SDK_CLI_ENUM_FLAGS_H_
#define WOR_CLIENT_SDK_CLI_ENUM_FLAGS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace wor::client {

// The flag spelling of one enum value ("no-capacity").
std::string EnumValueToFlag(const google::protobuf::EnumValueDescriptor& value);

// The flag spelling of `number` in `type`, or the number itself when the
// type has no such value (a newer server).
std::string EnumNumberToFlag(const google::protobuf::EnumDescriptor& type,
                             int number);

// The accepted flag values of `type`, in declaration order, without the zero
// value.
std::vector<std::string> EnumFlagValues(
    const google::protobuf::EnumDescriptor& type);

// The outcome of looking up a flag value.
struct EnumFlagMatch {
  enum class Kind { kFound, kUnknown, kAmbiguous };
  Kind kind = Kind::kUnknown;
  // The enum value's number when kind is kFound.
  int number = 0;
};

// Looks `flag_value` up in `type` as described at the top of this file.
EnumFlagMatch EnumValueFromFlag(const google::protobuf::EnumDescriptor& type,
                                absl::string_view flag_value);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_ENUM_FLAGS_H_
