#include "plugin/resume_token_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace wor::plugin {
namespace {

absl::Status Errno(absl::string_view what, const std::string& path) {
  return absl::UnavailableError(
      absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

}  // namespace

absl::StatusOr<std::string> ResumeTokenFile::Load() const {
  std::ifstream in(path_);
  if (!in) {
    if (errno == ENOENT) return std::string();
    return Errno("cannot read", path_);
  }
  std::ostringstream content;
  content << in.rdbuf();
  return std::string(absl::StripTrailingAsciiWhitespace(content.str()));
}

absl::Status ResumeTokenFile::Save(const std::string& token) const {
  const std::string temporary = path_ + ".tmp";
  int fd =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("cannot write", temporary);
  const std::string content = token + "\n";
  ssize_t written = ::write(fd, content.data(), content.size());
  if (written != static_cast<ssize_t>(content.size()) || ::fsync(fd) != 0) {
    ::close(fd);
    return Errno("cannot write", temporary);
  }
  ::close(fd);
  if (::rename(temporary.c_str(), path_.c_str()) != 0) {
    return Errno("cannot replace", path_);
  }
  std::string directory = path_.substr(0, path_.find_last_of('/'));
  if (directory.empty() || directory == path_) directory = ".";
  int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return absl::OkStatus();
}

}  // namespace wor::plugin
