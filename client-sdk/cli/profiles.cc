#include "client-sdk/cli/profiles.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace wor::client {
namespace {

namespace fs = std::filesystem;

using ProfileField = std::string Profile::*;
struct ProfileKey {
  absl::string_view key;
  ProfileField field;
};
// In the order they are written.
constexpr std::array<ProfileKey, 7> kKeys = {{
    {"server", &Profile::server},
    {"ca_file", &Profile::ca_file},
    {"cert_file", &Profile::cert_file},
    {"key_file", &Profile::key_file},
    {"token_file", &Profile::token_file},
    {"dev_identity", &Profile::dev_identity},
    {"lang", &Profile::language},
}};

fs::path ProfilePath(const std::string& directory, const std::string& name) {
  return fs::path(directory) / name;
}

}  // namespace

std::string ProfileDirectory(const OptionDefaults& defaults) {
  std::string config_home = defaults.config_home;
  if (config_home.empty() && !defaults.home.empty()) {
    config_home = absl::StrCat(defaults.home, "/.config");
  }
  if (config_home.empty()) return "";
  return absl::StrCat(config_home, "/wor/profiles");
}

bool IsValidProfileName(absl::string_view name) {
  if (name.empty() || name.size() > 64 || name[0] == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string FormatProfile(const Profile& profile) {
  std::string text = "# wor profile, written by `wor login`\n";
  for (const ProfileKey& key : kKeys) {
    const std::string& value = profile.*(key.field);
    if (!value.empty()) absl::StrAppend(&text, key.key, " = ", value, "\n");
  }
  return text;
}

absl::StatusOr<Profile> ParseProfile(absl::string_view text) {
  Profile profile;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t equals = line.find('=');
    const absl::string_view key =
        equals == absl::string_view::npos
            ? line
            : absl::StripAsciiWhitespace(line.substr(0, equals));
    const ProfileKey* found = nullptr;
    for (const ProfileKey& candidate : kKeys) {
      if (candidate.key == key) found = &candidate;
    }
    if (equals == absl::string_view::npos || found == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", line_number,
          ": expected KEY = VALUE with KEY one of "
          "server, ca_file, cert_file, key_file, token_file, dev_identity, "
          "lang"));
    }
    profile.*(found->field) =
        std::string(absl::StripAsciiWhitespace(line.substr(equals + 1)));
  }
  return profile;
}

absl::StatusOr<Profile> LoadProfile(const std::string& directory,
                                    const std::string& name) {
  std::ifstream file(ProfilePath(directory, name));
  if (!file) {
    return absl::NotFoundError(absl::StrCat("no profile '", name, "'"));
  }
  std::stringstream text;
  text << file.rdbuf();
  return ParseProfile(text.str());
}

absl::Status SaveProfile(const std::string& directory, const std::string& name,
                         const Profile& profile) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create ", directory, ": ", error.message()));
  }
  // Only the user may read where their key and token are.
  chmod(directory.c_str(), 0700);
  const fs::path target = ProfilePath(directory, name);
  const fs::path temporary = fs::path(absl::StrCat(target.string(), ".tmp"));
  {
    const mode_t old_mask = umask(077);
    std::ofstream file(temporary, std::ios::trunc);
    umask(old_mask);
    if (!file) {
      return absl::PermissionDeniedError(
          absl::StrCat("cannot write ", temporary.string()));
    }
    file << FormatProfile(profile);
    if (!file.flush()) {
      return absl::DataLossError(
          absl::StrCat("cannot write ", temporary.string()));
    }
  }
  chmod(temporary.c_str(), 0600);
  fs::rename(temporary, target, error);
  if (error) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot write ", target.string(), ": ", error.message()));
  }
  return absl::OkStatus();
}

absl::Status DeleteProfile(const std::string& directory,
                           const std::string& name) {
  std::error_code error;
  if (!fs::remove(ProfilePath(directory, name), error) || error) {
    return absl::NotFoundError(absl::StrCat("no profile '", name, "'"));
  }
  return absl::OkStatus();
}

std::vector<std::string> ListProfiles(const std::string& directory) {
  std::vector<std::string> names;
  std::error_code error;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(directory, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && IsValidProfileName(name) &&
        !absl::EndsWith(name, ".tmp")) {
      names.push_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string AbsolutePath(const std::string& path) {
  if (path.empty()) return path;
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

OptionDefaults MergeProfile(const OptionDefaults& environment,
                            const Profile& profile) {
  OptionDefaults merged = environment;
  if (merged.server.empty()) merged.server = profile.server;
  if (merged.language.empty()) merged.language = profile.language;
  const bool environment_names_identity =
      !environment.ca_file.empty() || !environment.cert_file.empty() ||
      !environment.key_file.empty() || !environment.token_file.empty() ||
      !environment.token.empty() || !environment.dev_identity.empty();
  if (!environment_names_identity) {
    merged.ca_file = profile.ca_file;
    merged.cert_file = profile.cert_file;
    merged.key_file = profile.key_file;
    merged.token_file = profile.token_file;
    merged.dev_identity = profile.dev_identity;
  }
  return merged;
}

}  // namespace wor::client
