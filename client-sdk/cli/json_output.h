// The --json output: a response message in the proto3 JSON mapping, on one
// line, so each message is one line of JSON Lines.
#ifndef WOR_CLIENT_SDK_CLI_JSON_OUTPUT_H_
#define WOR_CLIENT_SDK_CLI_JSON_OUTPUT_H_

#include <iosfwd>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace wor::client {

// Writes `message` and a newline to `out`, then flushes (watch streams).
absl::Status PrintJson(const google::protobuf::Message& message,
                       std::ostream& out);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_JSON_OUTPUT_H_
