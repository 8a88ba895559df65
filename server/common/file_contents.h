// Reads a whole (small) file: configuration, keys, certificates.
#ifndef WOR_SERVER_COMMON_FILE_CONTENTS_H_
#define WOR_SERVER_COMMON_FILE_CONTENTS_H_

#include <string>

#include "absl/status/statusor.h"

namespace wor::server {

// The file's bytes, or NOT_FOUND "cannot read <path>" (the message names the
// path, never content).
absl::StatusOr<std::string> ReadFileContents(const std::string& path);

}  // namespace wor::server

#endif  // WOR_SERVER_COMMON_FILE_CONTENTS_H_
