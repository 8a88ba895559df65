// The region this server serves, as the domain needs it: which welfare
// organisation each practice refers to, each organisation's working-day
// calendar and deadline policy, and the activity catalogue.
//
// Built once at start from the validated configuration; immutable and
// thread-safe afterwards.
#ifndef WOR_SERVER_DOMAIN_REGION_DIRECTORY_H_
#define WOR_SERVER_DOMAIN_REGION_DIRECTORY_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/config/server_config.pb.h"
#include "server/domain/deadline_policy.h"
#include "server/domain/working_day_calendar.h"
#include "wor/v1/catalogue.pb.h"

namespace wor::server {

class RegionDirectory {
 public:
  // `config` must have passed ValidateServerConfig.
  static absl::StatusOr<std::unique_ptr<RegionDirectory>> Create(
      const wor::server::config::ServerConfig& config);

  // `regions/{id}`.
  const std::string& region_name() const { return region_name_; }

  // `welfareOrganisations/{kvk}` of the practice's agreement, or nullopt
  // when the practice is not registered in this region.
  std::optional<std::string> WelfareOrganisationForPractice(
      const std::string& practice_agb) const;

  // The deadline policy of a welfare organisation (by resource name); null
  // when unknown.
  const DeadlinePolicy* PolicyFor(
      const std::string& welfare_organisation) const;

  // The working-day calendar of a welfare organisation (by resource name);
  // null when unknown.
  const WorkingDayCalendar* CalendarFor(
      const std::string& welfare_organisation) const;

  // The Europe/Amsterdam zone all deadlines are in.
  absl::TimeZone zone() const { return zone_; }

  const wor::v1::ActivityCatalogue& catalogue() const { return catalogue_; }

  // True when `category` is in the catalogue and `activity` (if not empty)
  // is one of its activities.
  bool CatalogueHas(const std::string& category,
                    const std::string& activity) const;

 private:
  struct Organisation {
    std::unique_ptr<WorkingDayCalendar> calendar;
    std::unique_ptr<DeadlinePolicy> policy;
  };

  RegionDirectory() = default;

  std::string region_name_;
  absl::TimeZone zone_;
  std::map<std::string, std::string> practice_to_organisation_;
  std::map<std::string, Organisation> organisations_;
  wor::v1::ActivityCatalogue catalogue_;
};

// The resource name of a welfare organisation by KvK number.
std::string WelfareOrganisationName(const std::string& kvk_number);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REGION_DIRECTORY_H_
