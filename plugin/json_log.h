// Structured logging: one JSON object per line on stderr. Callers pass only
// events, codes, ids and counts — never a name, BSN, phone number, token or
// free text.
//
//   LogEvent("launch_refused", {{"reason", "state_expired"}});
#ifndef WOR_PLUGIN_JSON_LOG_H_
#define WOR_PLUGIN_JSON_LOG_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace wor::plugin {

void LogEvent(
    absl::string_view event,
    const std::vector<std::pair<std::string, std::string>>& fields = {});

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_JSON_LOG_H_
