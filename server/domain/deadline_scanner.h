// The escalation scanner: applies deadline_escalation.h to every referral
// whose alarm is due, one store transaction per referral, so that a notice,
// its event and the record that it was sent commit together — exactly once,
// across restarts too. It finds the due referrals through the store's index
// on next_deadline_alarm_time: a scan costs what is due, not the table.
//
//   DeadlineScanner scanner(store, clock, region);
//   absl::StatusOr<ScanReport> report = scanner.ScanOnce();
//
// Driven by the injected clock; the server runs ScanOnce on a timer
// (region.deadlines.scan_interval_seconds). Thread-safe: concurrent scans
// (or a scan racing a verb) re-check each referral inside its transaction.
#ifndef WOR_SERVER_DOMAIN_DEADLINE_SCANNER_H_
#define WOR_SERVER_DOMAIN_DEADLINE_SCANNER_H_

#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"

namespace wor::server {

struct ScanReport {
  int referrals_examined = 0;  // due alarms looked at
  int referrals_changed = 0;   // written back
  int at_risk_notices = 0;
  int breach_notices = 0;
};

class DeadlineScanner {
 public:
  DeadlineScanner(Store* store, const Clock* clock,
                  const RegionDirectory* region);

  // Handles every alarm due at the clock's now, `batch` referrals per
  // store query.
  absl::StatusOr<ScanReport> ScanOnce(int batch = 200);

  // Who the scanner is in the audit log.
  static CallContext SystemCall();

 private:
  absl::Status Handle(const std::string& id, absl::Time now,
                      ScanReport& report);

  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DEADLINE_SCANNER_H_
