// ResumeTokenFile: where the feedback worker keeps its place in the
// WatchReferrals stream across restarts. Written atomically (temporary file,
// fsync, rename, fsync of the directory), so a crash leaves the old or the
// new token, never a torn one.
#ifndef WOR_PLUGIN_RESUME_TOKEN_FILE_H_
#define WOR_PLUGIN_RESUME_TOKEN_FILE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::plugin {

class ResumeTokenFile {
 public:
  explicit ResumeTokenFile(std::string path) : path_(std::move(path)) {}

  // The saved token; "" when none was saved yet.
  absl::StatusOr<std::string> Load() const;
  absl::Status Save(const std::string& token) const;

 private:
  std::string path_;
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_RESUME_TOKEN_FILE_H_
