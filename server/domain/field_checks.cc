#include "server/domain/field_checks.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace wor::server {

absl::Status FieldError(absl::string_view field,
                        absl::string_view expectation) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", expectation));
}

int CountCharacters(absl::string_view utf8) {
  int count = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++count;  // count lead bytes only
  }
  return count;
}

absl::Status CheckText(absl::string_view field, absl::string_view value,
                       TextRule rule) {
  bool only_space = true;
  for (unsigned char c : value) {
    bool allowed_whitespace =
        c == ' ' || (rule.multi_line && (c == '\n' || c == '\r' || c == '\t'));
    if ((c < 0x20 || c == 0x7F) && !allowed_whitespace) {
      return FieldError(field, rule.multi_line
                                   ? "contains a control character"
                                   : "must be a single line without control "
                                     "characters");
    }
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') only_space = false;
  }
  if (rule.required && only_space) {
    return FieldError(field, "is required");
  }
  if (CountCharacters(value) > rule.max_chars) {
    return FieldError(
        field, absl::StrCat("must be at most ", rule.max_chars, " characters"));
  }
  return absl::OkStatus();
}

absl::Status CheckRequestId(absl::string_view field, absl::string_view value) {
  if (value.empty()) {
    return FieldError(field,
                      "is required: send a unique id (a UUID) per request, "
                      "and the same id when retrying it");
  }
  if (value.size() > 64)
    return FieldError(field, "must be at most 64 characters");
  for (unsigned char c : value) {
    if (c <= 0x20 || c >= 0x7F) {
      return FieldError(field, "must be printable ASCII without spaces");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckTimestampSet(absl::string_view field, bool has_value,
                               const google::protobuf::Timestamp& value) {
  if (!has_value) return FieldError(field, "is required");
  if (value.nanos() < 0 || value.nanos() > 999999999 || value.seconds() < 0) {
    return FieldError(field, "is not a valid timestamp");
  }
  return absl::OkStatus();
}

}  // namespace wor::server
