// Named connection profiles of `wor`: where the server is and how the user
// proves who they are, saved once by `wor login` so that later commands need
// no flags.
//
//   $XDG_CONFIG_HOME/wor/profiles/NAME   (default ~/.config/wor/profiles)
//
// One file per profile, mode 0600 in a directory of mode 0700, in a simple
// `key = value` format (one setting a line; `#` starts a comment line):
//
//   # wor profile, written by `wor login`
//   server = wor.example.nl:443
//   ca_file = /home/coach/pki/ca.pem
//   cert_file = /home/coach/pki/kvk-41234567.pem
//   key_file = /home/coach/pki/kvk-41234567.key.pem
//   token_file = /home/coach/tokens/coach.jwt
//   lang = nl
//
// or `dev_identity = kvk:41234567,coach-1,COACH` instead of the four files.
// Paths are stored absolute. A profile stores the token FILE's path, never a
// token: the token is read on every run, so a renewed file is picked up.
//
// Which profile applies: `wor --profile NAME`, else $WOR_PROFILE, else the
// profile named "default" when it exists. Precedence of each setting:
// command-line flags > WOR_* environment > profile (see MergeProfile).
#ifndef WOR_CLIENT_SDK_CLI_PROFILES_H_
#define WOR_CLIENT_SDK_CLI_PROFILES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "client-sdk/cli/global_options.h"

namespace wor::client {

inline constexpr char kDefaultProfile[] = "default";

struct Profile {
  std::string server;
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  std::string token_file;
  std::string dev_identity;
  std::string language;  // "nl", "en" or empty

  bool operator==(const Profile&) const = default;
};

// The directory that holds the profiles: `config_home`/wor/profiles, where
// `config_home` is $XDG_CONFIG_HOME or, when that is empty, $HOME/.config.
// Empty when neither is set.
std::string ProfileDirectory(const OptionDefaults& defaults);

// Whether `name` may name a profile: 1–64 letters, digits, '-', '_' or '.',
// not starting with '.'.
bool IsValidProfileName(absl::string_view name);

// The text of a profile file, and back. Parse failures are
// INVALID_ARGUMENT naming the line (never its value: it is a path at most,
// but the rule is no file content in errors).
std::string FormatProfile(const Profile& profile);
absl::StatusOr<Profile> ParseProfile(absl::string_view text);

// Reads profile `name` from `directory`; NOT_FOUND when there is none.
absl::StatusOr<Profile> LoadProfile(const std::string& directory,
                                    const std::string& name);

// Writes profile `name` (directory 0700, file 0600, replaced atomically).
absl::Status SaveProfile(const std::string& directory, const std::string& name,
                         const Profile& profile);

// Removes profile `name`; NOT_FOUND when there is none.
absl::Status DeleteProfile(const std::string& directory,
                           const std::string& name);

// The names of the saved profiles, sorted.
std::vector<std::string> ListProfiles(const std::string& directory);

// `path` made absolute against the current directory; unchanged when empty
// or already absolute.
std::string AbsolutePath(const std::string& path);

// The environment's defaults with the profile's settings filled in under
// them: a WOR_* variable beats the profile. The identity is one setting:
// when the environment names any identity (WOR_CA_FILE, WOR_CERT_FILE,
// WOR_KEY_FILE, WOR_TOKEN_FILE, WOR_TOKEN or WOR_DEV_IDENTITY) the
// profile's identity is left out whole, so the two never mix.
OptionDefaults MergeProfile(const OptionDefaults& environment,
                            const Profile& profile);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_PROFILES_H_
