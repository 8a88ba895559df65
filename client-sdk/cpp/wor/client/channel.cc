#include "wor/client/channel.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/support/channel_arguments.h"

namespace wor::client {
namespace {

constexpr int kMaxReconnectBackoffMs = 5000;

absl::StatusOr<std::string> ReadPem(const std::string& path, const char* what) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read the ", what, " ", path,
                     "; check the path and its permissions"));
  }
  std::ostringstream content;
  content << file.rdbuf();
  if (content.str().find("-----BEGIN") == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("the ", what, " ", path, " is not a PEM file"));
  }
  return content.str();
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> Credentials(
    const Options& options) {
  if (options.cert_file.empty() != options.key_file.empty()) {
    return absl::InvalidArgumentError(
        "a client certificate (cert_file) and its key (key_file) go "
        "together; set both or neither");
  }
  if (options.ca_file.empty()) {
    if (!options.cert_file.empty()) {
      return absl::InvalidArgumentError(
          "a client certificate is only used over TLS; set ca_file to the "
          "CA that issued the server's certificate");
    }
    return grpc::InsecureChannelCredentials();
  }
  grpc::SslCredentialsOptions ssl;
  absl::StatusOr<std::string> ca = ReadPem(options.ca_file, "CA file");
  if (!ca.ok()) return ca.status();
  ssl.pem_root_certs = *std::move(ca);
  if (!options.cert_file.empty()) {
    absl::StatusOr<std::string> cert =
        ReadPem(options.cert_file, "client certificate");
    if (!cert.ok()) return cert.status();
    absl::StatusOr<std::string> key = ReadPem(options.key_file, "client key");
    if (!key.ok()) return key.status();
    ssl.pem_cert_chain = *std::move(cert);
    ssl.pem_private_key = *std::move(key);
  }
  return grpc::SslCredentials(ssl);
}

}  // namespace

bool UsesTls(const Options& options) {
  if (options.channel_is_secure) return true;
  return !options.channel && !options.ca_file.empty();
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const Options& options) {
  if (options.channel) return options.channel;
  if (options.endpoint.empty()) {
    return absl::InvalidArgumentError(
        "no server endpoint; set Options::endpoint to host:port");
  }
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      Credentials(options);
  if (!credentials.ok()) return credentials.status();
  grpc::ChannelArguments arguments;
  arguments.SetUserAgentPrefix(options.user_agent);
  // One known server: after it restarts, reconnect within seconds rather
  // than gRPC's default of up to two minutes.
  arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, kMaxReconnectBackoffMs);
  return grpc::CreateCustomChannel(options.endpoint, *credentials, arguments);
}

}  // namespace wor::client
