#include "client-sdk/cli/format_values.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client-sdk/cli/value_parsers.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

namespace wor::client {

std::string FormatDate(const wor::v1::LocalDate& date) {
  if (date.year() == 0) return "";
  return absl::StrCat(absl::Dec(date.year(), absl::kZeroPad4), "-",
                      absl::Dec(date.month(), absl::kZeroPad2), "-",
                      absl::Dec(date.day(), absl::kZeroPad2));
}

std::string FormatTime(const google::protobuf::Timestamp& timestamp,
                       absl::TimeZone zone) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return "";
  return absl::FormatTime(absl::RFC3339_sec, FromTimestamp(timestamp), zone);
}

std::string FormatScores(const wor::v1::PositiveHealthScores& scores) {
  const google::protobuf::Descriptor* descriptor = scores.GetDescriptor();
  const google::protobuf::Reflection* reflection = scores.GetReflection();
  std::vector<std::string> parts;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (!reflection->HasField(scores, field)) continue;
    parts.push_back(
        absl::StrCat(field->name(), " ", reflection->GetDouble(scores, field)));
  }
  return absl::StrJoin(parts, " · ");
}

}  // namespace wor::client
