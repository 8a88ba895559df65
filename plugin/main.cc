// wor-plugin: the Welzijn op Recept EHR plugin for one practice. Parses the
// configuration, wires the objects, serves HTTPS and runs the feedback
// write-back until SIGTERM or SIGINT.
#include <httplib.h>
#include <signal.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "plugin/clock.h"
#include "plugin/config.h"
#include "plugin/ehr_feedback_sink.h"
#include "plugin/feedback_writeback.h"
#include "plugin/http_client.h"
#include "plugin/json_log.h"
#include "plugin/plugin_app.h"
#include "plugin/resume_token_file.h"
#include "plugin/smart_discovery.h"
#include "plugin/smart_token.h"
#include "plugin/user_token_minter.h"
#include "server/crypto/es256_jwt.h"
#include "wor/client/channel.h"
#include "wor/client/feedback_client.h"
#include "wor/client/referral_client.h"

namespace wor::plugin {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

int Fail(const absl::Status& status) {
  std::cerr << "wor-plugin: " << status.message() << "\n";
  return 2;
}

// Runs the write-back: finds the EHR's token endpoint (retrying until the
// EHR answers), then follows the stream until stopped.
void RunWriteback(const PluginConfig& config, const Clock& clock,
                  HttpClient& http, wor::client::Options options,
                  const UserTokenMinter& minter, FeedbackWriteback** published,
                  absl::Mutex* mutex, bool* stopping) {
  std::unique_ptr<BackendTokenSource> tokens;
  if (!config.writeback_token_file.empty()) {
    absl::StatusOr<std::string> token = ReadFile(config.writeback_token_file);
    if (!token.ok()) {
      LogEvent("writeback_disabled", {{"reason", "token_file_unreadable"}});
      return;
    }
    tokens = std::make_unique<BackendTokenSource>(
        std::string(absl::StripAsciiWhitespace(*token)));
  } else {
    for (;;) {
      absl::StatusOr<SmartConfiguration> smart =
          DiscoverSmartConfiguration(http, config.writeback_fhir_base);
      if (smart.ok()) {
        tokens = std::make_unique<BackendTokenSource>(
            &http, &clock,
            ClientCredentials{config.client_id, config.client_secret,
                              config.client_auth_method},
            smart->token_endpoint, config.writeback_scope);
        break;
      }
      LogEvent("writeback_discovery_retry",
               {{"code", absl::StatusCodeToString(smart.status().code())}});
      absl::MutexLock lock(mutex);
      if (mutex->AwaitWithTimeout(absl::Condition(stopping),
                                  absl::Seconds(2))) {
        return;
      }
    }
  }
  std::unique_ptr<EhrFeedbackSink> sink;
  if (!config.openemr_api_base.empty()) {
    sink = std::make_unique<OpenEmrMessageSink>(&http, tokens.get(),
                                                config.openemr_api_base,
                                                config.openemr_message_to);
  } else {
    sink = std::make_unique<FhirCommunicationSink>(&http, tokens.get(),
                                                   config.writeback_fhir_base);
  }
  options.token_provider = [&minter, &config]() -> absl::StatusOr<std::string> {
    return minter.Mint(config.writeback_subject, config.user_role);
  };
  ResumeTokenFile resume_token(config.state_dir + "/writeback.resume_token");
  FeedbackWriteback worker(
      wor::client::ReferralClient(wor::client::MakeReferralConnection(options)),
      wor::client::FeedbackClient(wor::client::MakeFeedbackConnection(options)),
      sink.get(), &resume_token, config.practice_agb);
  {
    absl::MutexLock lock(mutex);
    if (*stopping) return;
    *published = &worker;
  }
  worker.Run();
  absl::MutexLock lock(mutex);
  *published = nullptr;
}

int Run(int argc, char** argv) {
  // Signals are taken by one thread with sigwait; blocked before any thread
  // (gRPC starts its own) exists, so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--help") {
      std::cout << PluginUsage();
      return 0;
    }
  }
  absl::StatusOr<PluginConfig> config = ParsePluginConfig(
      argc, argv, [](const char* name) { return std::getenv(name); });
  if (!config.ok()) return Fail(config.status());

  absl::StatusOr<std::string> key_pem = ReadFile(config->token_key_file);
  if (!key_pem.ok()) return Fail(key_pem.status());
  absl::StatusOr<server::crypto::Es256PrivateKey> key =
      server::crypto::Es256PrivateKey::FromPem(*key_pem);
  if (!key.ok()) {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("--token-key-file: ", key.status().message())));
  }
  RealClock clock;
  UserTokenMinter minter(*key, config->token_key_id,
                         "agb:" + config->practice_agb, &clock);

  wor::client::Options options;
  options.endpoint = config->wor_endpoint;
  options.ca_file = config->wor_ca_file;
  options.cert_file = config->wor_cert_file;
  options.key_file = config->wor_key_file;
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      wor::client::MakeChannel(options);
  if (!channel.ok()) return Fail(channel.status());
  options.channel = *channel;
  options.channel_is_secure = true;
  options.call_timeout = absl::Seconds(15);

  std::unique_ptr<HttpClient> http =
      NewHttpClient({.ca_file = config->ehr_ca_file});

  httplib::SSLServer server(config->tls_cert_file.c_str(),
                            config->tls_key_file.c_str());
  if (!server.is_valid()) {
    return Fail(absl::InvalidArgumentError(
        "--tls-cert-file/--tls-key-file: cannot load the plugin's TLS "
        "certificate and key"));
  }
  PluginApp app(&*config, &clock, http.get(), &minter, options);
  app.Register(server);
  int port = config->listen_port;
  if (port == 0) {
    port = server.bind_to_any_port(config->listen_host.c_str());
  } else if (!server.bind_to_port(config->listen_host.c_str(), port)) {
    port = -1;
  }
  if (port <= 0) {
    return Fail(absl::UnavailableError(absl::StrCat(
        "cannot listen on ", config->listen_host, ":", config->listen_port)));
  }
  app.SetPublicBaseUrl(
      config->public_base_url.empty()
          ? absl::StrCat("https://", config->listen_host, ":", port)
          : std::string(absl::StripSuffix(config->public_base_url, "/")));

  absl::Mutex writeback_mutex;
  bool stopping = false;
  FeedbackWriteback* worker = nullptr;
  std::thread writeback;
  if (config->writeback) {
    writeback = std::thread([&] {
      RunWriteback(*config, clock, *http, options, minter, &worker,
                   &writeback_mutex, &stopping);
    });
  }
  std::thread signal_thread([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    LogEvent("plugin_stopping", {{"signal", std::to_string(signal)}});
    {
      absl::MutexLock lock(&writeback_mutex);
      stopping = true;
      if (worker != nullptr) worker->Stop();
    }
    server.stop();
  });
  LogEvent("plugin_started", {{"port", std::to_string(port)}});
  server.listen_after_bind();
  signal_thread.join();
  if (writeback.joinable()) writeback.join();
  LogEvent("plugin_stopped", {});
  return 0;
}

}  // namespace
}  // namespace wor::plugin

int main(int argc, char** argv) { return wor::plugin::Run(argc, argv); }
