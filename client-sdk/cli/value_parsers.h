// Turns flag values into proto values: RFC 3339 times into Timestamps and
// "6,5.5,7,6,8,7" into PositiveHealthScores. Failures are INVALID_ARGUMENT
// with a message in the user's language that names the flag.
#ifndef WOR_CLIENT_SDK_CLI_VALUE_PARSERS_H_
#define WOR_CLIENT_SDK_CLI_VALUE_PARSERS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client-sdk/cli/messages.h"
#include "google/protobuf/timestamp.pb.h"
#include "wor/v1/intake.pb.h"

namespace wor::client {

google::protobuf::Timestamp ToTimestamp(absl::Time time);
absl::Time FromTimestamp(const google::protobuf::Timestamp& timestamp);

// Parses an RFC 3339 time ("2026-05-04T10:00:00+02:00" or "…Z") given to
// --`flag_name`.
absl::StatusOr<google::protobuf::Timestamp> ParseTimeFlag(
    absl::string_view value, absl::string_view flag_name,
    const Messages& messages);

// Parses the six Positieve Gezondheid scores, comma-separated, in the order
// of the fields of PositiveHealthScores. The range 0–10 is the server's to
// check, so its message names the field.
absl::StatusOr<wor::v1::PositiveHealthScores> ParseScoresFlag(
    absl::string_view value, absl::string_view flag_name,
    const Messages& messages);

// Parses a non-negative whole number given to --`flag_name`.
absl::StatusOr<int> ParseCountFlag(absl::string_view value,
                                   absl::string_view flag_name,
                                   const Messages& messages);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_VALUE_PARSERS_H_
