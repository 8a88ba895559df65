// Formats proto values for the human-readable output: dates, times, enum
// values (in the same spelling the flags take) and score sets.
#ifndef WOR_CLIENT_SDK_CLI_FORMAT_VALUES_H_
#define WOR_CLIENT_SDK_CLI_FORMAT_VALUES_H_

#include <string>

#include "absl/time/time.h"
#include "client-sdk/cli/enum_flags.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/timestamp.pb.h"
#include "wor/v1/common.pb.h"
#include "wor/v1/intake.pb.h"

namespace wor::client {

// "2026-05-01"; empty for an unset date.
std::string FormatDate(const wor::v1::LocalDate& date);

// "2026-05-01T10:00:00+02:00" in `zone`; empty for an unset timestamp.
std::string FormatTime(const google::protobuf::Timestamp& timestamp,
                       absl::TimeZone zone);

// "bodily_functions 6 · mental_wellbeing 5.5 · …": the six scores with the
// contract's field names, in proto order.
std::string FormatScores(const wor::v1::PositiveHealthScores& scores);

// "no-capacity" for REJECTION_REASON_NO_CAPACITY (see enum_flags.h).
template <typename Enum>
std::string EnumText(Enum value) {
  return EnumNumberToFlag(*google::protobuf::GetEnumDescriptor<Enum>(),
                          static_cast<int>(value));
}

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_FORMAT_VALUES_H_
