#include "server/common/file_contents.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace wor::server {

absl::StatusOr<std::string> ReadFileContents(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

}  // namespace wor::server
