#include "client-sdk/cli/value_parsers.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

namespace wor::client {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// The score fields in proto order; the order of the numbers on the command
// line follows the contract rather than a table here.
std::vector<const FieldDescriptor*> ScoreFields() {
  const Descriptor* descriptor = wor::v1::PositiveHealthScores::descriptor();
  std::vector<const FieldDescriptor*> fields;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    fields.push_back(descriptor->field(i));
  }
  return fields;
}

}  // namespace

google::protobuf::Timestamp ToTimestamp(absl::Time time) {
  google::protobuf::Timestamp timestamp;
  const int64_t seconds = absl::ToUnixSeconds(time);
  timestamp.set_seconds(seconds);
  timestamp.set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
  return timestamp;
}

absl::Time FromTimestamp(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) +
         absl::Nanoseconds(timestamp.nanos());
}

absl::StatusOr<google::protobuf::Timestamp> ParseTimeFlag(
    absl::string_view value, absl::string_view flag_name,
    const Messages& messages) {
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, value, &time, &error)) {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kBadTime, value, flag_name));
  }
  return ToTimestamp(time);
}

absl::StatusOr<wor::v1::PositiveHealthScores> ParseScoresFlag(
    absl::string_view value, absl::string_view flag_name,
    const Messages& messages) {
  const std::vector<const FieldDescriptor*> fields = ScoreFields();
  std::vector<std::string> names;
  for (const FieldDescriptor* field : fields) names.push_back(field->name());
  const auto bad_scores = [&] {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kBadScores, flag_name, fields.size(),
                        absl::StrJoin(names, ","), value));
  };

  const std::vector<absl::string_view> parts = absl::StrSplit(value, ',');
  if (parts.size() != fields.size()) return bad_scores();
  wor::v1::PositiveHealthScores scores;
  const google::protobuf::Reflection* reflection = scores.GetReflection();
  for (size_t i = 0; i < parts.size(); ++i) {
    double score = 0;
    if (!absl::SimpleAtod(absl::StripAsciiWhitespace(parts[i]), &score)) {
      return bad_scores();
    }
    reflection->SetDouble(&scores, fields[i], score);
  }
  return scores;
}

absl::StatusOr<int> ParseCountFlag(absl::string_view value,
                                   absl::string_view flag_name,
                                   const Messages& messages) {
  int count = 0;
  if (!absl::SimpleAtoi(value, &count) || count < 0) {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kBadNumber, value, flag_name));
  }
  return count;
}

}  // namespace wor::client
