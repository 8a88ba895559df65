// Validation of the calendar part of the server configuration
// (CalendarSettings; split from config_loader.cc, which calls it).
#ifndef WOR_SERVER_CONFIG_CALENDAR_CONFIG_CHECKS_H_
#define WOR_SERVER_CONFIG_CALENDAR_CONFIG_CHECKS_H_

#include "absl/status/status.h"
#include "server/config/server_config.pb.h"

namespace wor::server {

// Fills the default (initials) and checks the CalDAV settings; the error
// names the field. Plain http is accepted only for a loopback host: calendar
// entries carry initials.
absl::Status ValidateCalendarConfig(wor::server::config::ServerConfig& config);

}  // namespace wor::server

#endif  // WOR_SERVER_CONFIG_CALENDAR_CONFIG_CHECKS_H_
