// Fresh request ids for the server's exactly-once retries: a random UUID
// version 4 from OpenSSL's CSPRNG, e.g. "0f8e4c1a-3b2d-4e6f-9a1b-2c3d4e5f6a7b".
#ifndef WOR_CLIENT_SDK_CLI_REQUEST_IDS_H_
#define WOR_CLIENT_SDK_CLI_REQUEST_IDS_H_

#include <string>

#include "absl/status/statusor.h"

namespace wor::client {

// A new random UUID v4; fails only when OpenSSL has no entropy.
absl::StatusOr<std::string> NewRequestId();

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_REQUEST_IDS_H_
