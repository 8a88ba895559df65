#include "plugin/json_log.h"

#include <cstdio>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"

namespace wor::plugin {

void LogEvent(absl::string_view event,
              const std::vector<std::pair<std::string, std::string>>& fields) {
  nlohmann::json line;
  line["time"] =
      absl::FormatTime(absl::RFC3339_sec, absl::Now(), absl::UTCTimeZone());
  line["event"] = std::string(event);
  for (const auto& [key, value] : fields) line[key] = value;
  std::string text =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
      "\n";
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace wor::plugin
