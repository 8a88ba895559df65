#include "client-sdk/cli/json_output.h"

#include <ostream>
#include <string>

#include "google/protobuf/util/json_util.h"

namespace wor::client {

absl::Status PrintJson(const google::protobuf::Message& message,
                       std::ostream& out) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  const google::protobuf::util::Status status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(status.ToString());
  }
  out << json << std::endl;
  return absl::OkStatus();
}

}  // namespace wor::client
