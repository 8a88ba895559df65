#include "server/app/deadline_scan_loop.h"

#include "absl/status/statusor.h"

namespace wor::server {

DeadlineScanLoop::DeadlineScanLoop(DeadlineScanner* scanner, JsonLogger* logger,
                                   absl::Duration interval)
    : scanner_(scanner),
      logger_(logger),
      interval_(interval),
      thread_([this] { Run(); }) {}

DeadlineScanLoop::~DeadlineScanLoop() {
  stop_.Notify();
  thread_.join();
}

void DeadlineScanLoop::Run() {
  do {
    absl::StatusOr<ScanReport> report = scanner_->ScanOnce();
    if (!report.ok()) {
      // The next round retries; nothing is marked sent that was not.
      logger_->Log(LogLevel::kWarning, "deadline_scan_failed",
                   {{"code", absl::StatusCodeToString(report.status().code())},
                    {"detail", report.status().message()}});
    } else if (report->referrals_changed > 0) {
      logger_->Log(LogLevel::kInfo, "deadline_scan",
                   {{"examined", int64_t{report->referrals_examined}},
                    {"changed", int64_t{report->referrals_changed}},
                    {"at_risk_notices", int64_t{report->at_risk_notices}},
                    {"breach_notices", int64_t{report->breach_notices}}});
    }
  } while (!stop_.WaitForNotificationWithTimeout(interval_));
}

}  // namespace wor::server
