#include "client-sdk/cli/profile_selection.h"

#include "absl/status/status.h"
#include "absl/strings/substitute.h"
#include "client-sdk/cli/profiles.h"

namespace wor::client {

absl::StatusOr<ProfileSelection> SelectProfile(
    const std::vector<std::string>& args, const OptionDefaults& environment,
    Language language) {
  const Messages messages(language);
  ProfileSelection selection;
  selection.defaults = environment;
  const std::string asked = ProfileFromArgs(args, environment);
  if (!asked.empty() && !IsValidProfileName(asked)) {
    return absl::InvalidArgumentError(absl::Substitute(
        messages.Pick("ongeldige profielnaam '$0': gebruik letters, cijfers, "
                      "'-', '_' of '.'",
                      "invalid profile name '$0': use letters, digits, '-', "
                      "'_' or '.'"),
        asked));
  }
  const std::string directory = ProfileDirectory(environment);
  const std::string name = asked.empty() ? kDefaultProfile : asked;
  if (directory.empty()) {
    if (asked.empty()) return selection;
    return absl::NotFoundError(messages.Pick(
        "geen map voor profielen: zet HOME of XDG_CONFIG_HOME",
        "no directory for profiles: set HOME or XDG_CONFIG_HOME"));
  }
  absl::StatusOr<Profile> profile = LoadProfile(directory, name);
  if (absl::IsNotFound(profile.status())) {
    if (asked.empty()) return selection;  // no default profile: fine
    return absl::NotFoundError(absl::Substitute(
        messages.Pick("profiel '$0' bestaat niet in $1; maak het met 'wor "
                      "login --profile $0 --server …' of zie 'wor login "
                      "--list'",
                      "profile '$0' does not exist in $1; make it with 'wor "
                      "login --profile $0 --server …' or see 'wor login "
                      "--list'"),
        name, directory));
  }
  if (!profile.ok()) {
    return absl::InvalidArgumentError(absl::Substitute(
        messages.Pick("profiel $0/$1 is onleesbaar ($2); maak het opnieuw "
                      "met 'wor login --profile $1 …'",
                      "profile $0/$1 cannot be read ($2); make it again with "
                      "'wor login --profile $1 …'"),
        directory, name, profile.status().message()));
  }
  selection.defaults = MergeProfile(environment, *profile);
  selection.name = name;
  return selection;
}

}  // namespace wor::client
