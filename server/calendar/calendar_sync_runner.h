// Runs a CalendarSyncWorker on a background thread in the server: syncs,
// then waits for the next outbox event (or, after a failure, until the
// worker's retry time), until Stop. Failures are logged with their status
// (never personal data: the worker's errors carry none).
//
//   CalendarSyncRunner runner(&worker, store, logger);
//   runner.Start();
//   ...
//   runner.Stop();   // joins; also done by the destructor
#ifndef WOR_SERVER_CALENDAR_CALENDAR_SYNC_RUNNER_H_
#define WOR_SERVER_CALENDAR_CALENDAR_SYNC_RUNNER_H_

#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/calendar/calendar_sync.h"
#include "server/common/json_log.h"
#include "server/store/store.h"

namespace wor::server {

class CalendarSyncRunner {
 public:
  // All pointers must outlive the runner.
  CalendarSyncRunner(CalendarSyncWorker* worker, Store* store,
                     JsonLogger* logger)
      : worker_(worker), store_(store), logger_(logger) {}
  ~CalendarSyncRunner() { Stop(); }
  CalendarSyncRunner(const CalendarSyncRunner&) = delete;
  CalendarSyncRunner& operator=(const CalendarSyncRunner&) = delete;

  void Start();
  // Idempotent; returns after the thread has ended (at most one CalDAV
  // request's timeout later).
  void Stop();

 private:
  void Loop();
  // Waits up to `timeout` or until Stop; returns whether to go on.
  bool Pause(absl::Duration timeout);

  CalendarSyncWorker* worker_;
  Store* store_;
  JsonLogger* logger_;
  std::thread thread_;
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_CALENDAR_SYNC_RUNNER_H_
