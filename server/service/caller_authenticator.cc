#include "server/service/caller_authenticator.h"

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "server/common/file_contents.h"
#include "server/common/status_macros.h"
#include "server/crypto/digest.h"
#include "server/domain/access_policy.h"

namespace wor::server {
namespace {

absl::Status Unauthenticated(absl::string_view why) {
  return absl::UnauthenticatedError(why);
}

std::string Metadata(const grpc::ServerContext& context,
                     absl::string_view key) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// Lowercase hex SHA-256 of the certificate's DER encoding: the base64 body
// of the PEM decoded, without parsing the certificate again (gRPC verified
// it during the handshake; parsing it per call cost more than the token).
std::string CertificateFingerprint(absl::string_view pem) {
  constexpr absl::string_view kBegin = "-----BEGIN CERTIFICATE-----";
  constexpr absl::string_view kEnd = "-----END CERTIFICATE-----";
  const size_t begin = pem.find(kBegin);
  const size_t end = pem.find(kEnd);
  if (begin == absl::string_view::npos || end == absl::string_view::npos ||
      end < begin) {
    return "";
  }
  std::string body;
  for (char c :
       pem.substr(begin + kBegin.size(), end - begin - kBegin.size())) {
    if (c != '\n' && c != '\r' && c != ' ') body.push_back(c);
  }
  std::string der;
  if (!absl::Base64Unescape(body, &der)) return "";
  return absl::BytesToHexString(crypto::Sha256(der));
}

std::string StringClaim(const google::protobuf::Struct& claims,
                        const std::string& name) {
  auto it = claims.fields().find(name);
  if (it == claims.fields().end() || !it->second.has_string_value()) return "";
  return it->second.string_value();
}

std::optional<double> NumberClaim(const google::protobuf::Struct& claims,
                                  const std::string& name) {
  auto it = claims.fields().find(name);
  if (it == claims.fields().end() || !it->second.has_number_value())
    return std::nullopt;
  return it->second.number_value();
}

bool AudienceMatches(const google::protobuf::Struct& claims,
                     const std::string& audience) {
  auto it = claims.fields().find("aud");
  if (it == claims.fields().end()) return false;
  if (it->second.has_string_value())
    return it->second.string_value() == audience;
  if (it->second.has_list_value()) {
    for (const auto& value : it->second.list_value().values()) {
      if (value.string_value() == audience) return true;
    }
  }
  return false;
}

std::optional<wor::v1::UserRole> ParseRole(const std::string& text) {
  wor::v1::UserRole role;
  if (!wor::v1::UserRole_Parse("USER_ROLE_" + text, &role) ||
      role == wor::v1::USER_ROLE_UNSPECIFIED) {
    return std::nullopt;
  }
  return role;
}

absl::Status CheckRoleFitsOrganisation(const Caller& caller) {
  if (OrganisationKindForRole(caller.role) != caller.organisation_kind) {
    return Unauthenticated(
        absl::StrCat("the role ", wor::v1::UserRole_Name(caller.role),
                     " does not belong to an organisation of kind ",
                     wor::v1::OrganisationKind_Name(caller.organisation_kind)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::unique_ptr<CallerAuthenticator>>
CallerAuthenticator::Create(const wor::server::config::ServerConfig& config,
                            const Clock* clock) {
  std::unique_ptr<CallerAuthenticator> authenticator(new CallerAuthenticator);
  authenticator->clock_ = clock;
  authenticator->development_mode_ = config.security().development_mode();
  authenticator->audience_ = config.security().token_audience();
  authenticator->leeway_ =
      absl::Seconds(config.security().token_leeway_seconds());
  auto& organisations = authenticator->organisations_;
  for (const auto& p : config.practices())
    organisations["agb:" + p.agb()] = wor::v1::ORGANISATION_KIND_PRACTICE;
  for (const auto& w : config.welfare_organisations()) {
    organisations["kvk:" + w.kvk_number()] =
        wor::v1::ORGANISATION_KIND_WELFARE_ORGANISATION;
  }
  for (const auto& p : config.partners())
    organisations["partner:" + p.id()] = wor::v1::ORGANISATION_KIND_PARTNER;
  if (!config.operator_().id().empty()) {
    organisations["operator:" + config.operator_().id()] =
        wor::v1::ORGANISATION_KIND_OPERATOR;
  }
  for (int i = 0; i < config.security().token_keys_size(); ++i) {
    const auto& key = config.security().token_keys(i);
    const std::string field = absl::StrCat("configuration security.token_keys[",
                                           i, "].public_key_file");
    absl::StatusOr<std::string> pem = ReadFileContents(key.public_key_file());
    if (!pem.ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat(field, ": ", pem.status().message()));
    }
    absl::StatusOr<crypto::Es256PublicKey> parsed =
        crypto::Es256PublicKey::FromPem(*pem);
    if (!parsed.ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat(field, ": ", key.public_key_file(),
                       " is not a PEM P-256 public key"));
    }
    authenticator->keys_.emplace(key.organisation() + "/" + key.key_id(),
                                 *std::move(parsed));
  }
  return authenticator;
}

absl::StatusOr<Caller> CallerAuthenticator::Identify(
    const grpc::ServerContext& context) const {
  absl::StatusOr<Caller> caller = development_mode_
                                      ? FromDevelopmentHeaders(context)
                                      : FromCertificateAndToken(context);
  if (!caller.ok()) return caller;
  caller->peer_address = context.peer();
  return caller;
}

absl::StatusOr<Caller> CallerAuthenticator::FromDevelopmentHeaders(
    const grpc::ServerContext& context) const {
  Caller caller;
  caller.organisation = Metadata(context, "x-wor-organisation");
  auto kind = organisations_.find(caller.organisation);
  if (kind == organisations_.end()) {
    return Unauthenticated(
        "development mode: send x-wor-organisation with a registered "
        "organisation id, e.g. agb:01012345 or kvk:41234567");
  }
  caller.organisation_kind = kind->second;
  caller.user = Metadata(context, "x-wor-user");
  if (caller.user.empty())
    return Unauthenticated("development mode: send x-wor-user");
  std::optional<wor::v1::UserRole> role =
      ParseRole(Metadata(context, "x-wor-role"));
  if (!role) {
    return Unauthenticated(
        "development mode: send x-wor-role, one of GP, POH, COACH, "
        "COORDINATOR, PARTNER_ANALYST, PRIVACY_OFFICER, ADMIN");
  }
  caller.role = *role;
  caller.responsible_user = Metadata(context, "x-wor-acting-for");
  WOR_RETURN_IF_ERROR(CheckRoleFitsOrganisation(caller));
  return caller;
}

absl::StatusOr<Caller> CallerAuthenticator::FromCertificateAndToken(
    const grpc::ServerContext& context) const {
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth == nullptr || !auth->IsPeerAuthenticated()) {
    return Unauthenticated("a client certificate is required");
  }
  std::vector<grpc::string_ref> names =
      auth->FindPropertyValues(GRPC_X509_CN_PROPERTY_NAME);
  if (names.size() != 1) {
    return Unauthenticated("the client certificate has no single subject CN");
  }
  Caller caller;
  caller.organisation.assign(names[0].data(), names[0].size());
  auto kind = organisations_.find(caller.organisation);
  if (kind == organisations_.end()) {
    return Unauthenticated(
        "the client certificate names no organisation registered on this "
        "server");
  }
  caller.organisation_kind = kind->second;
  std::vector<grpc::string_ref> pem =
      auth->FindPropertyValues(GRPC_X509_PEM_CERT_PROPERTY_NAME);
  if (!pem.empty()) {
    caller.certificate_fingerprint =
        CertificateFingerprint(absl::string_view(pem[0].data(), pem[0].size()));
  }
  const std::string authorization = Metadata(context, "authorization");
  if (!absl::StartsWith(authorization, "Bearer ")) {
    return Unauthenticated(
        "a user token is required: send `authorization: Bearer <token>`");
  }
  WOR_RETURN_IF_ERROR(
      ApplyToken(absl::string_view(authorization).substr(7), caller));
  return caller;
}

absl::Status CallerAuthenticator::ApplyToken(absl::string_view token,
                                             Caller& caller) const {
  WOR_ASSIGN_OR_RETURN(crypto::DecodedJwt jwt, crypto::DecodeEs256Jwt(token));
  google::protobuf::Struct claims;
  if (!google::protobuf::util::JsonStringToMessage(jwt.payload_json, &claims)
           .ok()) {
    return Unauthenticated("the user token's claims are not a JSON object");
  }
  const std::string issuer = StringClaim(claims, "iss");
  if (issuer != caller.organisation) {
    // A token of organisation A never acts for organisation B.
    return Unauthenticated(
        "the user token was issued for another organisation than the "
        "client certificate's");
  }
  auto key = keys_.find(issuer + "/" + jwt.key_id);
  if (key == keys_.end()) {
    return Unauthenticated(
        "the user token's key (kid) is not registered for this organisation");
  }
  if (!key->second.Verify(jwt.signed_data, jwt.signature)) {
    return Unauthenticated("the user token's signature is not valid");
  }
  const double now = absl::ToDoubleSeconds(clock_->Now() - absl::UnixEpoch());
  const double leeway = absl::ToDoubleSeconds(leeway_);
  std::optional<double> expires = NumberClaim(claims, "exp");
  if (!expires) return Unauthenticated("the user token has no exp");
  if (*expires + leeway < now)
    return Unauthenticated("the user token has expired; get a new one");
  std::optional<double> not_before = NumberClaim(claims, "nbf");
  if (not_before && *not_before - leeway > now)
    return Unauthenticated("the user token is not valid yet (nbf)");
  if (!AudienceMatches(claims, audience_)) {
    return Unauthenticated(
        absl::StrCat("the user token is not meant for this server (aud must "
                     "be \"",
                     audience_, "\")"));
  }
  caller.user = StringClaim(claims, "sub");
  if (caller.user.empty()) return Unauthenticated("the user token has no sub");
  std::optional<wor::v1::UserRole> role =
      ParseRole(StringClaim(claims, "role"));
  if (!role) return Unauthenticated("the user token has no known role");
  caller.role = *role;
  caller.responsible_user = StringClaim(claims, "act");
  return CheckRoleFitsOrganisation(caller);
}

}  // namespace wor::server
