#include "server/app/transport_security.h"

#include <openssl/conf.h>
#include <openssl/ssl.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/file_contents.h"

namespace wor::server {
namespace {

absl::StatusOr<std::string> ReadConfiguredFile(absl::string_view field,
                                               const std::string& path) {
  absl::StatusOr<std::string> contents = ReadFileContents(path);
  if (!contents.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "configuration ", field, ": ", contents.status().message(),
        " (make a development PKI with deploy/pki/make-dev-pki.sh)"));
  }
  return contents;
}

// Applies `protocols` (an OpenSSL "Protocol" command value) to every SSL_CTX
// created from now on in this process.
absl::Status RestrictTlsVersions(bool allow_tls12) {
  // Load the system configuration first, so a later lazy load cannot
  // replace ours.
  OPENSSL_init_ssl(OPENSSL_INIT_LOAD_CONFIG, nullptr);
  const std::string text = absl::StrCat(
      "wor_tls_init = wor_tls_modules\n"
      "[wor_tls_modules]\nssl_conf = wor_ssl_conf\n"
      "[wor_ssl_conf]\nsystem_default = wor_tls_defaults\n"
      "[wor_tls_defaults]\n"
      "Protocol = -ALL, ",
      allow_tls12 ? "TLSv1.2, TLSv1.3" : "TLSv1.3", "\n");
  BIO* bio = BIO_new_mem_buf(text.data(), static_cast<int>(text.size()));
  CONF* conf = NCONF_new(nullptr);
  long error_line = 0;
  const bool loaded = NCONF_load_bio(conf, bio, &error_line) == 1 &&
                      CONF_modules_load(conf, "wor_tls_init", 0) == 1;
  NCONF_free(conf);
  BIO_free(bio);
  if (!loaded) {
    return absl::InternalError("cannot restrict OpenSSL's TLS versions");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const wor::server::config::ServerConfig& config) {
  const auto& security = config.security();
  if (security.development_mode()) return grpc::InsecureServerCredentials();
  const auto& tls = security.tls();
  absl::StatusOr<std::string> certificate = ReadConfiguredFile(
      "security.tls.certificate_file", tls.certificate_file());
  if (!certificate.ok()) return certificate.status();
  absl::StatusOr<std::string> key = ReadConfiguredFile(
      "security.tls.private_key_file", tls.private_key_file());
  if (!key.ok()) return key.status();
  absl::StatusOr<std::string> client_ca =
      ReadConfiguredFile("security.tls.client_ca_file", tls.client_ca_file());
  if (!client_ca.ok()) return client_ca.status();
  absl::Status restricted = RestrictTlsVersions(tls.allow_tls12());
  if (!restricted.ok()) return restricted;

  grpc::SslServerCredentialsOptions options(
      GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = *client_ca;
  options.pem_key_cert_pairs.push_back({*key, *certificate});
  return grpc::SslServerCredentials(options);
}

}  // namespace wor::server
