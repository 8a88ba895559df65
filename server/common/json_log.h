// Structured logs: one JSON object per line. Only codes, ids, counts and
// durations go in — the API accepts no free-form message beyond a fixed
// event name, which keeps names, BSNs, phone numbers and free text out.
//
//   logger.Log(LogLevel::kInfo, "rpc", {{"method", "CreateReferral"},
//                                       {"code", "OK"}, {"ms", 1.2}});
//
// Thread-safe.
#ifndef WOR_SERVER_COMMON_JSON_LOG_H_
#define WOR_SERVER_COMMON_JSON_LOG_H_

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <utility>
#include <variant>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace wor::server {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

absl::StatusOr<LogLevel> ParseLogLevel(absl::string_view name);

using LogValue = std::variant<absl::string_view, int64_t, double, bool>;
using LogField = std::pair<absl::string_view, LogValue>;

class JsonLogger {
 public:
  JsonLogger(std::ostream* out, LogLevel min_level)
      : out_(out), min_level_(min_level) {}

  bool Enabled(LogLevel level) const { return level >= min_level_; }

  void Log(LogLevel level, absl::string_view event,
           std::initializer_list<LogField> fields);

 private:
  absl::Mutex mu_;
  std::ostream* out_ ABSL_GUARDED_BY(mu_);
  const LogLevel min_level_;
};

// `text` as a JSON string literal, with quotes.
std::string JsonQuote(absl::string_view text);

}  // namespace wor::server

#endif  // WOR_SERVER_COMMON_JSON_LOG_H_
