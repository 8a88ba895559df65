#include "server/config/calendar_config_checks.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace wor::server {
namespace {

using wor::server::config::CaldavSettings;
using wor::server::config::CalendarSettings;

absl::Status ConfigError(absl::string_view field,
                         absl::string_view expectation) {
  return absl::InvalidArgumentError(
      absl::StrCat("configuration calendar.", field, ": ", expectation));
}

// The host of "scheme://host[:port][/path]", brackets kept for IPv6.
absl::string_view HostOf(absl::string_view url) {
  url.remove_prefix(url.find("://") + 3);
  url = url.substr(0, url.find('/'));
  if (absl::StartsWith(url, "[")) return url.substr(0, url.find(']') + 1);
  return url.substr(0, url.find(':'));
}

bool IsLoopbackHost(absl::string_view host) {
  return host == "localhost" || host == "[::1]" ||
         absl::StartsWith(host, "127.");
}

absl::Status ValidateCaldav(const CaldavSettings& caldav) {
  const std::string& url = caldav.base_url();
  const bool https = absl::StartsWith(url, "https://");
  const bool http = absl::StartsWith(url, "http://");
  if (!https && !http) {
    return ConfigError("caldav.base_url",
                       "is required: the CalDAV server's https:// URL, e.g. "
                       "https://dav.example.nl");
  }
  const absl::string_view host = HostOf(url);
  if (host.empty()) return ConfigError("caldav.base_url", "names no host");
  if (http && !IsLoopbackHost(host)) {
    return ConfigError("caldav.base_url",
                       "expected https:// (calendar entries carry initials; "
                       "plain http only for a server on this machine)");
  }
  const std::string& path = caldav.calendar_path_template();
  if (path.empty() || path[0] != '/' || !absl::StrContains(path, "{coach}")) {
    return ConfigError("caldav.calendar_path_template",
                       "expected an absolute path containing {coach}, e.g. "
                       "\"/wor/{coach}/\"");
  }
  if (!caldav.username().empty() && caldav.password_file().empty()) {
    return ConfigError("caldav.password_file",
                       "is required with a username: a file whose first line "
                       "is the password");
  }
  if (caldav.username().empty() && !caldav.password_file().empty()) {
    return ConfigError("caldav.username", "is required with a password_file");
  }
  if (!caldav.ca_file().empty() && !https) {
    return ConfigError("caldav.ca_file", "applies only to an https:// server");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateCalendarConfig(wor::server::config::ServerConfig& config) {
  CalendarSettings* calendar = config.mutable_calendar();
  if (!wor::server::config::CalendarPersonalData_IsValid(
          calendar->personal_data())) {
    return ConfigError("personal_data", "expected INITIALS or NONE");
  }
  if (calendar->personal_data() ==
      wor::server::config::CALENDAR_PERSONAL_DATA_UNSPECIFIED) {
    calendar->set_personal_data(
        wor::server::config::CALENDAR_PERSONAL_DATA_INITIALS);
  }
  if (calendar->has_caldav()) return ValidateCaldav(calendar->caldav());
  return absl::OkStatus();
}

}  // namespace wor::server
