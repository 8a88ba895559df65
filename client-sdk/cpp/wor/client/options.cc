#include "wor/client/options.h"

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace wor::client {

TokenProvider TokenFromFile(std::string path) {
  return [path = std::move(path)]() -> absl::StatusOr<std::string> {
    std::ifstream file(path);
    if (!file) {
      return absl::UnauthenticatedError(absl::StrCat(
          "cannot read the user token file ", path,
          "; check the path and its permissions, or renew the token"));
    }
    std::ostringstream content;
    content << file.rdbuf();
    std::string token(absl::StripAsciiWhitespace(content.str()));
    if (token.empty()) {
      return absl::UnauthenticatedError(
          absl::StrCat("the user token file ", path, " is empty"));
    }
    return token;
  };
}

TokenProvider FixedToken(std::string token) {
  return [token = std::move(token)]() -> absl::StatusOr<std::string> {
    return token;
  };
}

std::vector<std::pair<std::string, std::string>> DevelopmentIdentity(
    absl::string_view organisation, absl::string_view user,
    absl::string_view role, absl::string_view acting_for) {
  std::vector<std::pair<std::string, std::string>> metadata = {
      {"x-wor-organisation", std::string(organisation)},
      {"x-wor-user", std::string(user)},
      {"x-wor-role", absl::AsciiStrToUpper(role)}};
  if (!acting_for.empty()) {
    metadata.emplace_back("x-wor-acting-for", std::string(acting_for));
  }
  return metadata;
}

}  // namespace wor::client
