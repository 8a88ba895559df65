#include "server/app/wor_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "server/app/deadline_scan_loop.h"
#include "server/app/keyring_setup.h"
#include "server/app/transport_security.h"
#include "server/calendar/caldav_calendar_sink.h"
#include "server/calendar/caldav_client.h"
#include "server/calendar/calendar_sync.h"
#include "server/calendar/calendar_sync_runner.h"
#include "server/common/file_contents.h"
#include "server/common/json_log.h"
#include "server/common/status_macros.h"
#include "server/domain/access_audit.h"
#include "server/domain/audit_workflow.h"
#include "server/domain/coach_calendar_export.h"
#include "server/domain/consent_workflow.h"
#include "server/domain/deadline_scanner.h"
#include "server/domain/event_feed.h"
#include "server/domain/feedback_workflow.h"
#include "server/domain/intake_workflow.h"
#include "server/domain/patient_pseudonyms.h"
#include "server/domain/referral_workflow.h"
#include "server/domain/region_directory.h"
#include "server/domain/scheduling_workflow.h"
#include "server/service/audit_services.h"
#include "server/service/caller_authenticator.h"
#include "server/service/consent_service.h"
#include "server/service/feedback_service.h"
#include "server/service/intake_service.h"
#include "server/service/partner_service.h"
#include "server/service/reference_data_services.h"
#include "server/service/referral_service.h"
#include "server/service/rpc_runner.h"
#include "server/service/scheduling_service.h"
#include "server/service/stream_limiter.h"
#include "server/store/calendar_sync_ledger.h"
#include "server/store/memory_store.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_store.h"

namespace wor::server {

// Everything the server owns, in construction order (destroyed in reverse).
struct WorServer::Parts {
  std::unique_ptr<JsonLogger> logger;
  std::unique_ptr<PatientKeyring> keyring;
  std::unique_ptr<Store> store;
  std::unique_ptr<RegionDirectory> region;
  std::unique_ptr<PatientPseudonyms> pseudonyms;
  std::unique_ptr<ReferralWorkflow> referrals;
  std::unique_ptr<IntakeWorkflow> intake;
  std::unique_ptr<FeedbackWorkflow> feedback;
  std::unique_ptr<ConsentWorkflow> consent;
  std::unique_ptr<SchedulingWorkflow> scheduling;
  std::unique_ptr<AuditWorkflow> audit_log;
  std::unique_ptr<EventFeed> events;
  std::unique_ptr<CoachTimeLog> time_log;
  std::unique_ptr<PartnerReporting> partner_reporting;
  std::unique_ptr<DeadlineScanner> deadline_scanner;
  std::unique_ptr<CoachCalendarExport> calendar_export;
  std::unique_ptr<CallerAuthenticator> authenticator;
  std::unique_ptr<AccessAudit> access_audit;
  std::unique_ptr<RpcRunner> runner;
  std::unique_ptr<StreamLimiter> streams;
  std::atomic<bool> stopping{false};
  std::unique_ptr<ReferralServiceImpl> referral_service;
  std::unique_ptr<IntakeServiceImpl> intake_service;
  std::unique_ptr<PartnerServiceImpl> partner_service;
  std::unique_ptr<FeedbackServiceImpl> feedback_service;
  std::unique_ptr<ConsentServiceImpl> consent_service;
  std::unique_ptr<SchedulingServiceImpl> scheduling_service;
  std::unique_ptr<AuditServiceImpl> audit_service;
  std::unique_ptr<PrivacyServiceImpl> privacy_service;
  std::unique_ptr<ReferralFormServiceImpl> form_service;
  std::unique_ptr<CatalogueServiceImpl> catalogue_service;
  std::unique_ptr<DiagnosticsServiceImpl> diagnostics_service;
  // Calendar sync, only with calendar.caldav configured; the runner is
  // stopped (by Shutdown, or destroyed first) before what it uses.
  std::unique_ptr<CalendarSyncLedger> calendar_ledger;
  std::unique_ptr<CaldavClient> caldav_client;
  std::unique_ptr<CaldavCalendarSink> calendar_sink;
  std::unique_ptr<CalendarSyncWorker> calendar_worker;
  std::unique_ptr<CalendarSyncRunner> calendar_runner;
  std::unique_ptr<grpc::Server> server;
  // Last: stops before anything it uses goes away.
  std::unique_ptr<DeadlineScanLoop> deadline_scan_loop;
  int port = 0;
  absl::Mutex shutdown_mu;
  bool shut_down ABSL_GUARDED_BY(shutdown_mu) = false;
};

namespace {

absl::StatusOr<std::unique_ptr<Store>> OpenStore(
    const wor::server::config::Storage& storage, PatientKeyring* keyring) {
  if (storage.has_memory()) return NewMemoryStore(keyring);
  SqliteStoreOptions options;
  options.path = storage.sqlite().path();
  options.max_writes_per_commit = storage.sqlite().max_writes_per_commit();
  options.relaxed_durability = storage.sqlite().relaxed_durability();
  options.keyring = keyring;
  return OpenSqliteStore(options);
}

}  // namespace

absl::StatusOr<std::unique_ptr<WorServer>> WorServer::Start(
    const wor::server::config::ServerConfig& config, const Clock* clock,
    std::ostream* log) {
  auto parts = std::make_unique<Parts>();
  WOR_ASSIGN_OR_RETURN(LogLevel level, ParseLogLevel(config.log_level()));
  parts->logger = std::make_unique<JsonLogger>(log, level);
  WOR_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                       MakeServerCredentials(config));
  WOR_ASSIGN_OR_RETURN(parts->keyring, OpenConfiguredKeyring(config));
  WOR_ASSIGN_OR_RETURN(parts->store,
                       OpenStore(config.storage(), parts->keyring.get()));
  WOR_ASSIGN_OR_RETURN(parts->region, RegionDirectory::Create(config));
  WOR_ASSIGN_OR_RETURN(std::string pseudonym_secret,
                       parts->keyring->Secret("patient-pseudonym"));
  parts->pseudonyms =
      std::make_unique<PatientPseudonyms>(std::move(pseudonym_secret));
  parts->referrals = std::make_unique<ReferralWorkflow>(
      parts->store.get(), clock, parts->region.get(), parts->pseudonyms.get());
  parts->intake = std::make_unique<IntakeWorkflow>(parts->store.get(), clock,
                                                   parts->region.get());
  parts->feedback = std::make_unique<FeedbackWorkflow>(
      parts->store.get(), clock, parts->region.get());
  parts->consent = std::make_unique<ConsentWorkflow>(parts->store.get(), clock,
                                                     parts->region->zone());
  parts->scheduling =
      std::make_unique<SchedulingWorkflow>(parts->store.get(), clock);
  parts->audit_log = std::make_unique<AuditWorkflow>(
      parts->store.get(), clock, parts->keyring.get(), parts->region->zone());
  parts->events = std::make_unique<EventFeed>(parts->store.get(), clock);
  parts->time_log = std::make_unique<CoachTimeLog>(parts->store.get(), clock,
                                                   parts->region.get());
  WOR_ASSIGN_OR_RETURN(std::string partner_secret,
                       parts->keyring->Secret("partner-pseudonym"));
  WOR_ASSIGN_OR_RETURN(
      parts->partner_reporting,
      PartnerReporting::Create(parts->store.get(), clock, parts->region.get(),
                               config, std::move(partner_secret)));
  parts->deadline_scanner = std::make_unique<DeadlineScanner>(
      parts->store.get(), clock, parts->region.get());
  WOR_ASSIGN_OR_RETURN(parts->authenticator,
                       CallerAuthenticator::Create(config, clock));
  parts->access_audit =
      std::make_unique<AccessAudit>(parts->store.get(), clock);
  parts->runner = std::make_unique<RpcRunner>(parts->logger.get(),
                                              parts->authenticator.get(),
                                              parts->access_audit.get());
  parts->streams = std::make_unique<StreamLimiter>(
      config.security().max_streams_per_organisation());
  parts->referral_service = std::make_unique<ReferralServiceImpl>(
      parts->referrals.get(), parts->events.get(), parts->runner.get(),
      parts->streams.get(), &parts->stopping);
  parts->consent_service = std::make_unique<ConsentServiceImpl>(
      parts->consent.get(), parts->runner.get());
  parts->audit_service = std::make_unique<AuditServiceImpl>(
      parts->audit_log.get(), parts->runner.get());
  parts->privacy_service = std::make_unique<PrivacyServiceImpl>(
      parts->audit_log.get(), parts->runner.get());
  parts->intake_service = std::make_unique<IntakeServiceImpl>(
      parts->intake.get(), parts->time_log.get(), parts->runner.get());
  parts->partner_service = std::make_unique<PartnerServiceImpl>(
      parts->partner_reporting.get(), parts->runner.get(), parts->streams.get(),
      &parts->stopping);
  parts->feedback_service = std::make_unique<FeedbackServiceImpl>(
      parts->feedback.get(), parts->runner.get());
  parts->form_service =
      std::make_unique<ReferralFormServiceImpl>(parts->runner.get());
  parts->catalogue_service = std::make_unique<CatalogueServiceImpl>(
      parts->region.get(), parts->runner.get());
  parts->diagnostics_service =
      std::make_unique<DiagnosticsServiceImpl>(parts->runner.get());
  parts->calendar_export = std::make_unique<CoachCalendarExport>(
      parts->store.get(), clock, parts->region->zone(),
      config.calendar().personal_data());
  parts->scheduling_service = std::make_unique<SchedulingServiceImpl>(
      parts->scheduling.get(), parts->calendar_export.get(),
      parts->runner.get());

  if (config.calendar().has_caldav()) {
    WOR_RETURN_IF_ERROR(StartCalendarSync(config, clock, *parts));
  }

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(config.listen_address(), credentials, &parts->port);
  builder.SetMaxReceiveMessageSize(config.max_message_bytes());
  // Writes wait in their handler for a shared commit. With gRPC's default of
  // at most 2 idle pollers, every wave of such calls made the sync server
  // start and reap threads (clone/munmap dominated the create path); keeping
  // enough pollers alive avoids that churn.
  builder.SetSyncServerOption(
      grpc::ServerBuilder::SyncServerOption::MIN_POLLERS,
      config.min_idle_threads());
  builder.SetSyncServerOption(
      grpc::ServerBuilder::SyncServerOption::MAX_POLLERS,
      config.max_idle_threads());
  builder.RegisterService(parts->referral_service.get());
  builder.RegisterService(parts->intake_service.get());
  builder.RegisterService(parts->partner_service.get());
  builder.RegisterService(parts->feedback_service.get());
  builder.RegisterService(parts->consent_service.get());
  builder.RegisterService(parts->scheduling_service.get());
  builder.RegisterService(parts->audit_service.get());
  builder.RegisterService(parts->privacy_service.get());
  builder.RegisterService(parts->form_service.get());
  builder.RegisterService(parts->catalogue_service.get());
  builder.RegisterService(parts->diagnostics_service.get());
  parts->server = builder.BuildAndStart();
  if (parts->server == nullptr || parts->port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", config.listen_address(),
                     "; is another process using the port?"));
  }
  parts->server->GetHealthCheckService()->SetServingStatus(true);
  parts->deadline_scan_loop = std::make_unique<DeadlineScanLoop>(
      parts->deadline_scanner.get(), parts->logger.get(),
      absl::Seconds(config.region().deadlines().scan_interval_seconds() > 0
                        ? config.region().deadlines().scan_interval_seconds()
                        : 60));
  if (config.security().development_mode()) {
    parts->logger->Log(
        LogLevel::kWarning, "development_mode",
        {{"detail",
          "DEVELOPMENT MODE: plaintext, identity taken from request headers "
          "without proof; loopback only, never with real patient data"}});
  }
  parts->logger->Log(
      LogLevel::kInfo, "server_started",
      {{"port", int64_t{parts->port}},
       {"region", absl::string_view(config.region().id())},
       {"storage", config.storage().has_memory() ? "memory" : "sqlite"}});
  return std::unique_ptr<WorServer>(new WorServer(std::move(parts)));
}

WorServer::WorServer(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

WorServer::~WorServer() { Shutdown(absl::ZeroDuration()); }

int WorServer::port() const { return parts_->port; }

Store& WorServer::store() { return *parts_->store; }

DeadlineScanner& WorServer::deadline_scanner() {
  return *parts_->deadline_scanner;
}

void WorServer::Shutdown(absl::Duration grace) {
  absl::MutexLock lock(&parts_->shutdown_mu);
  if (parts_->shut_down) return;
  parts_->logger->Log(LogLevel::kInfo, "server_draining",
                      {{"grace_ms", absl::ToInt64Milliseconds(grace)}});
  parts_->server->GetHealthCheckService()->SetServingStatus(false);
  parts_->stopping.store(true);
  parts_->deadline_scan_loop.reset();  // no notices from a draining server
  if (parts_->calendar_runner != nullptr) parts_->calendar_runner->Stop();
  parts_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  parts_->shut_down = true;
  parts_->logger->Log(LogLevel::kInfo, "server_stopped", {});
}

void WorServer::Wait() { parts_->server->Wait(); }

absl::Status WorServer::StartCalendarSync(
    const wor::server::config::ServerConfig& config, const Clock* clock,
    Parts& parts) {
  const wor::server::config::CaldavSettings& caldav =
      config.calendar().caldav();
  CaldavClientOptions options;
  options.base_url = caldav.base_url();
  options.username = caldav.username();
  options.ca_file = caldav.ca_file();
  if (!caldav.password_file().empty()) {
    absl::StatusOr<std::string> password =
        ReadFileContents(caldav.password_file());
    if (!password.ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat("configuration calendar.caldav.password_file: cannot "
                       "read ",
                       caldav.password_file()));
    }
    options.password = std::string(absl::StripTrailingAsciiWhitespace(
        absl::string_view(*password).substr(0, password->find('\n'))));
  }
  WOR_ASSIGN_OR_RETURN(parts.caldav_client, CaldavClient::Create(options));
  if (config.storage().has_memory()) {
    parts.calendar_ledger = NewMemoryCalendarSyncLedger();
  } else {
    WOR_ASSIGN_OR_RETURN(
        parts.calendar_ledger,
        OpenSqliteCalendarSyncLedger(config.storage().sqlite().path()));
  }
  parts.calendar_sink = std::make_unique<CaldavCalendarSink>(
      parts.caldav_client.get(), caldav.calendar_path_template());
  CalendarSyncOptions sync_options;
  sync_options.personal_data = config.calendar().personal_data();
  if (!config.operator_().id().empty()) {
    sync_options.audit_organisation =
        absl::StrCat("operator:", config.operator_().id());
  }
  parts.calendar_worker = std::make_unique<CalendarSyncWorker>(
      parts.store.get(), parts.calendar_ledger.get(), parts.calendar_sink.get(),
      parts.access_audit.get(), clock, parts.region->zone(), sync_options);
  parts.calendar_runner = std::make_unique<CalendarSyncRunner>(
      parts.calendar_worker.get(), parts.store.get(), parts.logger.get());
  parts.calendar_runner->Start();
  parts.logger->Log(LogLevel::kInfo, "calendar_sync_started", {});
  return absl::OkStatus();
}

}  // namespace wor::server
