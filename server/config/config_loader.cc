#include "server/config/config_loader.h"

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "server/common/file_contents.h"
#include "server/common/status_macros.h"
#include "server/config/calendar_config_checks.h"
#include "server/config/security_config_checks.h"
#include "server/domain/identifier_validation.h"

namespace wor::server {
namespace {

using wor::server::config::ServerConfig;

absl::Status ConfigError(absl::string_view field,
                         absl::string_view expectation) {
  return absl::InvalidArgumentError(
      absl::StrCat("configuration ", field, ": ", expectation));
}

class CollectingErrors final : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors.push_back(
        absl::StrCat("line ", line + 1, " column ", column + 1, ": ", message));
  }
  std::vector<std::string> errors;
};

bool IsLowerSnakeId(const std::string& id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z'))
    return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return true;
}

bool IsEightDigits(const std::string& s) { return IsValidAgbCode(s); }

// The terms after the intake, office hours and the scan interval: defaults
// filled in, then checked.
absl::Status ValidateLaterTerms(wor::server::config::DeadlineSettings& terms) {
  if (terms.trajectory_months() == 0) terms.set_trajectory_months(4);
  if (terms.feedback_working_days() == 0) terms.set_feedback_working_days(5);
  if (terms.scan_interval_seconds() == 0) terms.set_scan_interval_seconds(60);
  auto* hours = terms.mutable_office_hours();
  if (hours->open_minute() == 0 && hours->close_minute() == 0) {
    hours->set_open_minute(9 * 60);
    hours->set_close_minute(17 * 60);
  }
  if (terms.trajectory_months() < 3 || terms.trajectory_months() > 4) {
    return ConfigError("region.deadlines.trajectory_months",
                       "expected 3 or 4 (months after the intake)");
  }
  if (terms.feedback_working_days() < 1 || terms.feedback_working_days() > 30) {
    return ConfigError("region.deadlines.feedback_working_days",
                       "expected 1 to 30");
  }
  if (hours->open_minute() < 0 || hours->open_minute() >= 24 * 60) {
    return ConfigError("region.deadlines.office_hours.open_minute",
                       "expected 0 to 1439 (minutes after midnight)");
  }
  if (hours->close_minute() <= hours->open_minute() ||
      hours->close_minute() > 24 * 60) {
    return ConfigError("region.deadlines.office_hours.close_minute",
                       "expected after open_minute and at most 1440");
  }
  if (terms.scan_interval_seconds() < 1 ||
      terms.scan_interval_seconds() > 3600) {
    return ConfigError("region.deadlines.scan_interval_seconds",
                       "expected 1 to 3600");
  }
  return absl::OkStatus();
}

absl::Status ValidateRegion(ServerConfig& config) {
  auto* region = config.mutable_region();
  if (!IsLowerSnakeId(region->id())) {
    return ConfigError("region.id",
                       "is required: a lower_snake_case id such as \"meppel\"");
  }
  if (region->name().empty()) return ConfigError("region.name", "is required");
  auto* terms = region->mutable_deadlines();
  if (terms->contact_target_working_days() == 0)
    terms->set_contact_target_working_days(2);
  if (terms->contact_limit_working_days() == 0)
    terms->set_contact_limit_working_days(5);
  if (terms->intake_calendar_days() == 0) terms->set_intake_calendar_days(14);
  if (terms->contact_target_working_days() < 1 ||
      terms->contact_target_working_days() > 20) {
    return ConfigError("region.deadlines.contact_target_working_days",
                       "expected 1 to 20");
  }
  if (terms->contact_limit_working_days() <
          terms->contact_target_working_days() ||
      terms->contact_limit_working_days() > 30) {
    return ConfigError("region.deadlines.contact_limit_working_days",
                       "expected at least the target and at most 30");
  }
  if (terms->intake_calendar_days() < 1 || terms->intake_calendar_days() > 90) {
    return ConfigError("region.deadlines.intake_calendar_days",
                       "expected 1 to 90");
  }
  WOR_RETURN_IF_ERROR(ValidateLaterTerms(*terms));
  std::set<std::string> category_ids;
  for (int i = 0; i < region->catalogue_size(); ++i) {
    const auto& category = region->catalogue(i);
    std::string field = absl::StrCat("region.catalogue[", i, "]");
    if (!IsLowerSnakeId(category.id()) ||
        !category_ids.insert(category.id()).second) {
      return ConfigError(field + ".id",
                         "expected a unique lower_snake_case id");
    }
    if (category.title().nl().empty() || category.title().en().empty()) {
      return ConfigError(field + ".title", "needs both nl and en");
    }
    std::set<std::string> activity_ids;
    for (int j = 0; j < category.activities_size(); ++j) {
      const auto& activity = category.activities(j);
      std::string activity_field = absl::StrCat(field, ".activities[", j, "]");
      if (!IsLowerSnakeId(activity.id()) ||
          !activity_ids.insert(activity.id()).second) {
        return ConfigError(activity_field + ".id",
                           "expected a unique lower_snake_case id");
      }
      if (activity.title().nl().empty() || activity.title().en().empty()) {
        return ConfigError(activity_field + ".title", "needs both nl and en");
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateOrganisations(const ServerConfig& config,
                                   std::set<std::string>& kvk_numbers) {
  if (config.welfare_organisations_size() == 0) {
    return ConfigError("welfare_organisations", "configure at least one");
  }
  for (int i = 0; i < config.welfare_organisations_size(); ++i) {
    const auto& organisation = config.welfare_organisations(i);
    std::string field = absl::StrCat("welfare_organisations[", i, "]");
    if (!IsEightDigits(organisation.kvk_number())) {
      return ConfigError(field + ".kvk_number",
                         "expected a KvK number of 8 digits");
    }
    if (!kvk_numbers.insert(organisation.kvk_number()).second) {
      return ConfigError(field + ".kvk_number", "is configured twice");
    }
    if (organisation.name().empty())
      return ConfigError(field + ".name", "is required");
    for (int j = 0; j < organisation.extra_closing_days_size(); ++j) {
      absl::CivilDay day;
      if (!absl::ParseCivilTime(organisation.extra_closing_days(j), &day)) {
        return ConfigError(absl::StrCat(field, ".extra_closing_days[", j, "]"),
                           "expected a date YYYY-MM-DD");
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ValidatePractices(const ServerConfig& config,
                               const std::set<std::string>& kvk_numbers) {
  std::set<std::string> agbs;
  for (int i = 0; i < config.practices_size(); ++i) {
    const auto& practice = config.practices(i);
    std::string field = absl::StrCat("practices[", i, "]");
    if (!IsValidAgbCode(practice.agb())) {
      return ConfigError(field + ".agb",
                         "expected a practice AGB code of 8 digits");
    }
    if (!agbs.insert(practice.agb()).second) {
      return ConfigError(field + ".agb", "is configured twice");
    }
    if (practice.name().empty())
      return ConfigError(field + ".name", "is required");
    if (!kvk_numbers.contains(practice.welfare_organisation_kvk())) {
      return ConfigError(
          field + ".welfare_organisation_kvk",
          "no welfare organisation with this KvK number is configured");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateServerConfig(ServerConfig& config) {
  if (config.listen_address().empty())
    config.set_listen_address("127.0.0.1:50051");
  if (config.listen_address().find(':') == std::string::npos) {
    return ConfigError("listen_address",
                       "expected host:port, e.g. 127.0.0.1:50051");
  }
  if (!config.has_storage()) config.mutable_storage()->mutable_sqlite();
  if (config.storage().has_sqlite()) {
    auto* sqlite = config.mutable_storage()->mutable_sqlite();
    if (sqlite->path().empty()) sqlite->set_path("var/wor.db");
    if (sqlite->max_writes_per_commit() == 0)
      sqlite->set_max_writes_per_commit(64);
    if (sqlite->max_writes_per_commit() < 1 ||
        sqlite->max_writes_per_commit() > 1024) {
      return ConfigError("storage.sqlite.max_writes_per_commit",
                         "expected 1 to 1024");
    }
  }
  WOR_RETURN_IF_ERROR(ValidateRegion(config));
  std::set<std::string> kvk_numbers;
  WOR_RETURN_IF_ERROR(ValidateOrganisations(config, kvk_numbers));
  WOR_RETURN_IF_ERROR(ValidatePractices(config, kvk_numbers));
  if (config.max_message_bytes() == 0) config.set_max_message_bytes(65536);
  if (config.max_message_bytes() < 4096 ||
      config.max_message_bytes() > 4 << 20) {
    return ConfigError("max_message_bytes", "expected 4096 to 4194304");
  }
  if (config.shutdown_grace_seconds() == 0)
    config.set_shutdown_grace_seconds(10);
  if (config.shutdown_grace_seconds() < 0 ||
      config.shutdown_grace_seconds() > 300) {
    return ConfigError("shutdown_grace_seconds", "expected 1 to 300");
  }
  if (config.min_idle_threads() == 0) config.set_min_idle_threads(2);
  if (config.max_idle_threads() == 0) config.set_max_idle_threads(32);
  if (config.min_idle_threads() < 1 || config.max_idle_threads() > 1024 ||
      config.max_idle_threads() < config.min_idle_threads()) {
    return ConfigError(
        "max_idle_threads",
        "expected 1 <= min_idle_threads <= max_idle_threads <= 1024");
  }
  if (config.log_level().empty()) config.set_log_level("info");
  static const std::set<std::string> kLevels = {"debug", "info", "warning",
                                                "error"};
  if (!kLevels.contains(config.log_level())) {
    return ConfigError("log_level", "expected debug, info, warning or error");
  }
  WOR_RETURN_IF_ERROR(ValidateCalendarConfig(config));
  return ValidateSecurityConfig(config);
}

absl::StatusOr<ServerConfig> ParseServerConfig(const std::string& text) {
  ServerConfig config;
  google::protobuf::TextFormat::Parser parser;
  CollectingErrors errors;
  parser.RecordErrorsTo(&errors);
  if (!parser.ParseFromString(text, &config)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "configuration cannot be read: ", absl::StrJoin(errors.errors, "; ")));
  }
  WOR_RETURN_IF_ERROR(ValidateServerConfig(config));
  return config;
}

absl::StatusOr<ServerConfig> LoadServerConfigFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFileContents(path);
  if (!text.ok()) {
    return absl::NotFoundError(absl::StrCat(
        "configuration file ", path,
        " cannot be opened; pass --config with "
        "the path of a textproto file (see deploy/config/demo.textproto)"));
  }
  absl::StatusOr<ServerConfig> config = ParseServerConfig(*text);
  if (!config.ok()) {
    return absl::Status(config.status().code(),
                        absl::StrCat(path, ": ", config.status().message()));
  }
  return config;
}

}  // namespace wor::server
