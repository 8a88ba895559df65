// Reads what a command takes from a file or standard input: a referral in
// textproto (wor create --file) or a feedback summary (wor feedback send).
#ifndef WOR_CLIENT_SDK_CLI_INPUT_FILES_H_
#define WOR_CLIENT_SDK_CLI_INPUT_FILES_H_

#include <iosfwd>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client-sdk/cli/messages.h"
#include "wor/v1/referral.pb.h"

namespace wor::client {

// The whole content of `path`, or of `in` when `path` is "-".
absl::StatusOr<std::string> ReadInput(absl::string_view path, std::istream& in,
                                      const Messages& messages);

// Parses a wor.v1.Referral in protobuf text format. `source` names the input
// in the error message, which gives the line and column of the first error.
absl::StatusOr<wor::v1::Referral> ParseReferralText(absl::string_view text,
                                                    absl::string_view source,
                                                    const Messages& messages);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_INPUT_FILES_H_
