// The server configuration: defaults, and refusals that name the field.
#include "server/config/config_loader.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;

constexpr char kRegion[] =
    R"pb(region { id: "meppel" name: "Gemeente Meppel" })pb";
constexpr char kOrganisations[] = R"pb(
  welfare_organisations { kvk_number: "41234567" name: "Welzijn" }
  practices {
    agb: "01012345"
    name: "Praktijk"
    welfare_organisation_kvk: "41234567"
  }
)pb";
constexpr char kSecurity[] = R"pb(
  security {
    tls {
      certificate_file: "server.pem"
      private_key_file: "server.key.pem"
      client_ca_file: "ca.pem"
    }
  }
  privacy { master_keys { id: "k1" file: "master.key" } }
)pb";
const std::string kMinimal = std::string(kRegion) + kOrganisations + kSecurity;

TEST(ConfigLoader, MinimalConfigurationGetsTheDocumentedDefaults) {
  auto config = ParseServerConfig(kMinimal);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->listen_address(), "127.0.0.1:50051");
  EXPECT_EQ(config->storage().sqlite().path(), "var/wor.db");
  EXPECT_EQ(config->storage().sqlite().max_writes_per_commit(), 64);
  EXPECT_FALSE(config->storage().sqlite().relaxed_durability());
  EXPECT_EQ(config->region().deadlines().contact_target_working_days(), 2);
  EXPECT_EQ(config->region().deadlines().contact_limit_working_days(), 5);
  EXPECT_EQ(config->region().deadlines().intake_calendar_days(), 14);
  EXPECT_EQ(config->max_message_bytes(), 65536);
  EXPECT_EQ(config->shutdown_grace_seconds(), 10);
  EXPECT_EQ(config->log_level(), "info");
  EXPECT_FALSE(config->security().development_mode());
  EXPECT_FALSE(config->security().tls().allow_tls12());
  EXPECT_EQ(config->security().token_audience(), "wor");
  EXPECT_EQ(config->security().token_leeway_seconds(), 60);
  EXPECT_EQ(config->security().max_streams_per_organisation(), 8);
  EXPECT_EQ(config->privacy().keyring_path(), "var/keyring.db");
  EXPECT_EQ(config->privacy().active_master_key_id(), "k1");
}

TEST(ConfigLoader, WithoutTlsOrDevelopmentModeTheServerDoesNotStart) {
  auto config = ParseServerConfig(std::string(kRegion) + kOrganisations);
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("security.tls.certificate_file"));
}

TEST(ConfigLoader, DevelopmentModeOnlyOnLoopback) {
  const std::string base = std::string(kRegion) + kOrganisations +
                           "storage { memory {} } "
                           "security { development_mode: true } ";
  for (const char* address : {"127.0.0.1:0", "localhost:1", "[::1]:50051"}) {
    EXPECT_TRUE(
        ParseServerConfig(base + "listen_address: \"" + address + "\"").ok())
        << address;
  }
  for (const char* address :
       {"0.0.0.0:50051", "10.0.0.5:50051", "[::]:1", "127.example.org:50051"}) {
    auto config =
        ParseServerConfig(base + "listen_address: \"" + address + "\"");
    ASSERT_FALSE(config.ok()) << address;
    EXPECT_THAT(config.status().message(),
                HasSubstr("security.development_mode"));
  }
}

TEST(ConfigLoader, TheShippedDemoConfigurationIsValid) {
  std::ifstream file(std::string(WOR_SOURCE_DIR) +
                     "/deploy/config/demo.textproto");
  std::stringstream text;
  text << file.rdbuf();
  auto config = ParseServerConfig(text.str());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->region().catalogue_size(), 5);
}

struct BadConfig {
  const char* name;
  const char* extra;  // appended to the minimal organisations
  const char* field;
  const char* region = kRegion;  // replaces the minimal region
};

class ConfigRefusalTest : public ::testing::TestWithParam<BadConfig> {};

TEST_P(ConfigRefusalTest, NamesTheField) {
  auto config = ParseServerConfig(std::string(GetParam().region) +
                                  kOrganisations + GetParam().extra);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(config.status().message(), HasSubstr(GetParam().field));
}

INSTANTIATE_TEST_SUITE_P(
    Refusals, ConfigRefusalTest,
    ::testing::Values(
        BadConfig{"PracticeOfUnknownOrganisation",
                  R"pb(practices {
                         agb: "01023456"
                         name: "P"
                         welfare_organisation_kvk: "99999999"
                       })pb",
                  "practices[1].welfare_organisation_kvk"},
        BadConfig{"DuplicatePractice",
                  R"pb(practices {
                         agb: "01012345"
                         name: "P"
                         welfare_organisation_kvk: "41234567"
                       })pb",
                  "practices[1].agb"},
        BadConfig{"KvkOfSevenDigits", R"pb(welfare_organisations {
                                             kvk_number: "4123456"
                                             name: "W"
                                           })pb",
                  "welfare_organisations[1].kvk_number"},
        BadConfig{"ClosingDayNotADate", R"pb(welfare_organisations {
                                               kvk_number: "41234568"
                                               name: "W"
                                               extra_closing_days: "24-12-2026"
                                             })pb",
                  "welfare_organisations[1].extra_closing_days[0]"},
        BadConfig{"LimitBelowTarget", "",
                  "region.deadlines.contact_limit_working_days",
                  R"pb(region {
                         id: "m"
                         name: "M"
                         deadlines {
                           contact_target_working_days: 4
                           contact_limit_working_days: 3
                         }
                       })pb"},
        BadConfig{"CategoryWithoutEnglishTitle", "",
                  "region.catalogue[0].title", R"pb(region {
                                                      id: "m"
                                                      name: "M"
                                                      catalogue {
                                                        id: "walking"
                                                        title { nl: "Wandelen" }
                                                      }
                                                    })pb"},
        BadConfig{"RegionWithoutId", "", "region.id",
                  R"pb(region { name: "M" })pb"},
        BadConfig{"UnknownLogLevel", R"pb(log_level: "chatty")pb", "log_level"},
        BadConfig{"ListenAddressWithoutPort",
                  R"pb(listen_address: "localhost")pb", "listen_address"},
        BadConfig{"UnknownField", R"pb(colour: "blue")pb", "line"},
        BadConfig{"TokenKeyOfUnregisteredOrganisation",
                  R"pb(security {
                         development_mode: true
                         token_keys {
                           organisation: "agb:09999999"
                           key_id: "k"
                           public_key_file: "k.pem"
                         }
                       }
                       storage { memory {} })pb",
                  "security.token_keys[0].organisation"},
        BadConfig{"SqliteWithoutMasterKey",
                  R"pb(security { development_mode: true })pb",
                  "privacy.master_keys"},
        BadConfig{"PartnerWithoutKind",
                  R"pb(partners { id: "gemeente-x" name: "X" })pb",
                  "partners[0].kind"}),
    [](const auto& info) { return std::string(info.param.name); });

// Calendar settings (CalendarSettings).

TEST(CalendarConfig, DefaultsToInitialsAndNoPush) {
  auto config = ParseServerConfig(kMinimal);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->calendar().personal_data(),
            wor::server::config::CALENDAR_PERSONAL_DATA_INITIALS);
  EXPECT_FALSE(config->calendar().has_caldav());
}

TEST(CalendarConfig, AcceptsACompleteCaldavServer) {
  auto config = ParseServerConfig(kMinimal + R"pb(
    calendar {
      personal_data: CALENDAR_PERSONAL_DATA_NONE
      caldav {
        base_url: "https://dav.example.nl"
        calendar_path_template: "/wor/{coach}/"
        username: "wor"
        password_file: "caldav-password"
      }
    })pb");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->calendar().personal_data(),
            wor::server::config::CALENDAR_PERSONAL_DATA_NONE);
}

TEST(CalendarConfig, PlainHttpIsAcceptedOnlyOnThisMachine) {
  EXPECT_TRUE(ParseServerConfig(kMinimal + R"pb(
                calendar {
                  caldav {
                    base_url: "http://127.0.0.1:5232"
                    calendar_path_template: "/wor/{coach}/"
                  }
                })pb")
                  .ok());
  auto remote = ParseServerConfig(kMinimal + R"pb(
    calendar {
      caldav {
        base_url: "http://dav.example.nl"
        calendar_path_template: "/wor/{coach}/"
      }
    })pb");
  ASSERT_FALSE(remote.ok());
  EXPECT_THAT(remote.status().message(), HasSubstr("calendar.caldav.base_url"));
}

TEST(CalendarConfig, RefusalsNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"pb(calendar { caldav { calendar_path_template: "/{coach}/" } })pb",
       "calendar.caldav.base_url"},
      {R"pb(calendar { caldav { base_url: "https://dav.example.nl" } })pb",
       "calendar.caldav.calendar_path_template"},
      {R"pb(calendar {
              caldav {
                base_url: "https://dav.example.nl"
                calendar_path_template: "/wor/"
              }
            })pb",
       "calendar.caldav.calendar_path_template"},
      {R"pb(calendar {
              caldav {
                base_url: "https://dav.example.nl"
                calendar_path_template: "/wor/{coach}/"
                username: "wor"
              }
            })pb",
       "calendar.caldav.password_file"},
      {R"pb(calendar {
              caldav {
                base_url: "http://localhost:5232"
                calendar_path_template: "/wor/{coach}/"
                ca_file: "ca.pem"
              }
            })pb",
       "calendar.caldav.ca_file"},
      {R"pb(calendar { personal_data: 7 })pb", "calendar.personal_data"},
  };
  for (const auto& [extra, field] : cases) {
    auto config = ParseServerConfig(kMinimal + extra);
    ASSERT_FALSE(config.ok()) << field;
    EXPECT_THAT(config.status().message(), HasSubstr(field));
  }
}

TEST(ConfigLoader, MissingFileSaysHowToPassOne) {
  auto config = LoadServerConfigFile("/nonexistent/wor.textproto");
  EXPECT_EQ(config.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(config.status().message(), HasSubstr("--config"));
}

}  // namespace
}  // namespace wor::server
