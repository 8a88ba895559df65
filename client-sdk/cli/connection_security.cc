#include "client-sdk/cli/connection_security.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "wor/v1/identity.pb.h"

namespace wor::client {
namespace {

absl::Status Refuse(const Messages& messages, Msg id) {
  return absl::InvalidArgumentError(messages.Text(id));
}

// Refuses combinations that cannot work or would send a token in clear.
absl::Status CheckConnectionOptions(const GlobalOptions& options,
                                    const Messages& messages) {
  const bool has_token = !options.token.empty() || !options.token_file.empty();
  if (!options.dev_identity.empty() &&
      (!options.ca_file.empty() || !options.cert_file.empty() ||
       !options.key_file.empty() || has_token)) {
    return Refuse(messages, Msg::kDevIdentityNeedsPlaintext);
  }
  if (options.cert_file.empty() != options.key_file.empty()) {
    return Refuse(messages, Msg::kCertNeedsKey);
  }
  if (!options.cert_file.empty() && options.ca_file.empty()) {
    return Refuse(messages, Msg::kCertNeedsCa);
  }
  if (!options.token.empty() && !options.token_file.empty()) {
    return Refuse(messages, Msg::kTokenTwice);
  }
  if (has_token && options.ca_file.empty()) {
    return Refuse(messages, Msg::kTokenNeedsTls);
  }
  return absl::OkStatus();
}

// The whole file named by option `flag` (environment variable `variable`).
absl::StatusOr<std::string> ReadNamedFile(const std::string& path,
                                          absl::string_view flag,
                                          absl::string_view variable,
                                          const Messages& messages) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  if (file) content << file.rdbuf();
  if (!file || file.bad()) {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kCannotReadOptionFile, flag, path, variable));
  }
  return content.str();
}

absl::StatusOr<std::string> ReadPemFile(const std::string& path,
                                        absl::string_view flag,
                                        absl::string_view variable,
                                        const Messages& messages) {
  absl::StatusOr<std::string> pem =
      ReadNamedFile(path, flag, variable, messages);
  if (pem.ok() && !absl::StrContains(*pem, "-----BEGIN ")) {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kNotPem, flag, path));
  }
  return pem;
}

// The token without surrounding white space or a "Bearer " prefix. It must
// be one word of printable ASCII: anything else cannot travel in metadata
// and is surely not a token. `source` names where it came from, never what
// it holds.
absl::StatusOr<std::string> CleanToken(absl::string_view text,
                                       absl::string_view source,
                                       const Messages& messages) {
  absl::string_view token = absl::StripAsciiWhitespace(text);
  if (absl::StartsWithIgnoreCase(token, "bearer ")) {
    token = absl::StripLeadingAsciiWhitespace(token.substr(7));
  }
  if (token.empty()) {
    return absl::InvalidArgumentError(
        messages.Format(Msg::kEmptyToken, source));
  }
  const bool printable = std::all_of(
      token.begin(), token.end(), [](char c) { return c > ' ' && c < 0x7f; });
  if (!printable) {
    return absl::InvalidArgumentError(messages.Format(Msg::kBadToken, source));
  }
  return std::string(token);
}

absl::StatusOr<std::string> LoadToken(const GlobalOptions& options,
                                      const Messages& messages) {
  if (!options.token.empty()) {
    return CleanToken(options.token, "--token (WOR_TOKEN)", messages);
  }
  absl::StatusOr<std::string> text = ReadNamedFile(
      options.token_file, "--token-file", "WOR_TOKEN_FILE", messages);
  if (!text.ok()) return text.status();
  return CleanToken(
      *text, absl::StrCat("--token-file '", options.token_file, "'"), messages);
}

// "GP, POH, COACH, …": the roles of wor.v1.UserRole without their prefix.
std::vector<std::string> RoleNames() {
  const google::protobuf::EnumDescriptor& type =
      *wor::v1::UserRole_descriptor();
  std::vector<std::string> names;
  for (int i = 0; i < type.value_count(); ++i) {
    if (type.value(i)->number() == 0) continue;
    names.emplace_back(absl::StripPrefix(type.value(i)->name(), "USER_ROLE_"));
  }
  return names;
}

}  // namespace

absl::StatusOr<DevIdentity> ParseDevIdentity(absl::string_view text,
                                             const Messages& messages) {
  const std::vector<std::string> roles = RoleNames();
  const absl::Status bad = absl::InvalidArgumentError(
      messages.Format(Msg::kBadDevIdentity, text, absl::StrJoin(roles, ", ")));
  std::vector<std::string> parts = absl::StrSplit(text, ',');
  if (parts.size() < 3 || parts.size() > 4) return bad;
  for (std::string& part : parts) {
    absl::StripAsciiWhitespace(&part);
    if (part.empty()) return bad;
  }
  DevIdentity identity;
  identity.organisation = parts[0];
  identity.user = parts[1];
  identity.role = absl::AsciiStrToUpper(parts[2]);
  if (parts.size() == 4) identity.acting_for = parts[3];
  if (std::find(roles.begin(), roles.end(), identity.role) == roles.end()) {
    return bad;
  }
  return identity;
}

ConnectionSecurity::ConnectionSecurity()
    : credentials_(grpc::InsecureChannelCredentials()) {}

absl::StatusOr<ConnectionSecurity> ConnectionSecurity::Load(
    const GlobalOptions& options, const Messages& messages) {
  absl::Status fits = CheckConnectionOptions(options, messages);
  if (!fits.ok()) return fits;
  ConnectionSecurity security;

  if (!options.dev_identity.empty()) {
    absl::StatusOr<DevIdentity> identity =
        ParseDevIdentity(options.dev_identity, messages);
    if (!identity.ok()) return identity.status();
    security.metadata_ = {{"x-wor-organisation", identity->organisation},
                          {"x-wor-user", identity->user},
                          {"x-wor-role", identity->role}};
    if (!identity->acting_for.empty()) {
      security.metadata_.emplace_back("x-wor-acting-for", identity->acting_for);
    }
    return security;
  }
  if (options.ca_file.empty()) return security;

  grpc::SslCredentialsOptions ssl;
  absl::StatusOr<std::string> ca =
      ReadPemFile(options.ca_file, "--ca-file", "WOR_CA_FILE", messages);
  if (!ca.ok()) return ca.status();
  ssl.pem_root_certs = *std::move(ca);
  if (!options.cert_file.empty()) {
    absl::StatusOr<std::string> cert = ReadPemFile(
        options.cert_file, "--cert-file", "WOR_CERT_FILE", messages);
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key =
        ReadPemFile(options.key_file, "--key-file", "WOR_KEY_FILE", messages);
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(cert);
    ssl.pem_private_key = *std::move(key);
    security.has_client_certificate_ = true;
  }
  security.credentials_ = grpc::SslCredentials(ssl);
  security.uses_tls_ = true;

  if (!options.token.empty() || !options.token_file.empty()) {
    // Read once now, so a missing token is reported before anything is
    // sent; then again for every call, so a long `wor watch` reconnects
    // with a renewed token file.
    absl::StatusOr<std::string> token = LoadToken(options, messages);
    if (!token.ok()) return token.status();
    security.token_provider_ = [options, messages] {
      return LoadToken(options, messages);
    };
    security.has_token_ = true;
  }
  return security;
}

}  // namespace wor::client
