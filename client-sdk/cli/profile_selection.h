// Which saved profile (profiles.h) a run of `wor` uses, and the defaults
// that result: the environment's WOR_* values with the profile filled in
// under them. RunCli() calls this before it parses the global options, so a
// command-line flag still beats both.
#ifndef WOR_CLIENT_SDK_CLI_PROFILE_SELECTION_H_
#define WOR_CLIENT_SDK_CLI_PROFILE_SELECTION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client-sdk/cli/global_options.h"
#include "client-sdk/cli/messages.h"

namespace wor::client {

struct ProfileSelection {
  OptionDefaults defaults;
  // The profile applied; empty when none was.
  std::string name;
};

// --profile NAME or WOR_PROFILE must name a saved profile (NOT_FOUND that
// says how to make it otherwise); without either, the profile "default" is
// applied when it exists. A malformed name or file is INVALID_ARGUMENT.
// Messages are in `language`.
absl::StatusOr<ProfileSelection> SelectProfile(
    const std::vector<std::string>& args, const OptionDefaults& environment,
    Language language);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_PROFILE_SELECTION_H_
