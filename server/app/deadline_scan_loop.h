// Runs the DeadlineScanner on a real-time timer in a thread of its own,
// from start until destruction. The scanner itself reads the injected clock;
// the timer only paces it. Logs counts, never referral content.
#ifndef WOR_SERVER_APP_DEADLINE_SCAN_LOOP_H_
#define WOR_SERVER_APP_DEADLINE_SCAN_LOOP_H_

#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "server/common/json_log.h"
#include "server/domain/deadline_scanner.h"

namespace wor::server {

class DeadlineScanLoop {
 public:
  // Scans once at once, then every `interval`. `scanner` and `logger` must
  // outlive the loop.
  DeadlineScanLoop(DeadlineScanner* scanner, JsonLogger* logger,
                   absl::Duration interval);
  // Stops the timer and waits for a scan in progress.
  ~DeadlineScanLoop();

 private:
  void Run();

  DeadlineScanner* scanner_;
  JsonLogger* logger_;
  absl::Duration interval_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_APP_DEADLINE_SCAN_LOOP_H_
