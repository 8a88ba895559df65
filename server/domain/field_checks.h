// Building blocks for request validation. Each check returns
// INVALID_ARGUMENT whose message starts with the field path and says what is
// expected — never the value itself, which may be personal data.
//
//   WOR_RETURN_IF_ERROR(CheckText("referral.patient.given_name",
//                                 p.given_name(), {.max_chars = 100}));
#ifndef WOR_SERVER_DOMAIN_FIELD_CHECKS_H_
#define WOR_SERVER_DOMAIN_FIELD_CHECKS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"

namespace wor::server {

// INVALID_ARGUMENT "<field>: <expectation>".
absl::Status FieldError(absl::string_view field, absl::string_view expectation);

struct TextRule {
  bool required = true;
  int max_chars = 100;
  bool multi_line = false;  // allows newlines and tabs
};

// Length in Unicode characters within the rule, no control characters
// (newlines only when multi_line), and not only whitespace when required.
absl::Status CheckText(absl::string_view field, absl::string_view value,
                       TextRule rule);

// 1–64 printable ASCII characters (a UUID fits).
absl::Status CheckRequestId(absl::string_view field, absl::string_view value);

// A set Timestamp with valid nanos.
absl::Status CheckTimestampSet(absl::string_view field, bool has_value,
                               const google::protobuf::Timestamp& value);

// The number of Unicode code points in UTF-8 text.
int CountCharacters(absl::string_view utf8);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_FIELD_CHECKS_H_
