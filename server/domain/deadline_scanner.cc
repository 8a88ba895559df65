#include "server/domain/deadline_scanner.h"

#include <set>
#include <string>
#include <vector>

#include "server/common/status_macros.h"
#include "server/domain/deadline_escalation.h"
#include "server/domain/time_conversion.h"

namespace wor::server {

DeadlineScanner::DeadlineScanner(Store* store, const Clock* clock,
                                 const RegionDirectory* region)
    : store_(store), clock_(clock), region_(region), audit_(store, clock) {}

CallContext DeadlineScanner::SystemCall() {
  CallContext call;
  call.method = "wor.server.DeadlineScanner.Escalate";
  call.caller.organisation = "system";
  call.caller.organisation_kind = wor::v1::ORGANISATION_KIND_OPERATOR;
  call.caller.user = "system:deadline-scanner";
  return call;
}

absl::StatusOr<ScanReport> DeadlineScanner::ScanOnce(int batch) {
  const absl::Time now = clock_->Now();
  ScanReport report;
  std::set<std::string> tried;
  while (true) {
    WOR_ASSIGN_OR_RETURN(std::vector<std::string> due,
                         store_->ListReferralsWithAlarmDue(now, batch));
    int fresh = 0;
    for (const std::string& id : due) {
      if (!tried.insert(id).second) continue;
      ++fresh;
      absl::Status handled = Handle(id, now, report);
      // A verb changed the referral meanwhile: its own write set a new
      // alarm, so the next scan sees the truth. Anything else is a failure.
      if (!handled.ok() && !absl::IsAborted(handled)) return handled;
    }
    if (fresh == 0 || static_cast<int>(due.size()) < batch) break;
  }
  return report;
}

absl::Status DeadlineScanner::Handle(const std::string& id, absl::Time now,
                                     ScanReport& report) {
  const CallContext call = SystemCall();
  return store_->Write([&](WriteTransaction& tx) -> absl::Status {
    WOR_ASSIGN_OR_RETURN(StoredReferral stored, tx.GetReferral(id));
    wor::v1::Referral& referral = stored.referral;
    // Re-checked inside the transaction: another scan may have been first.
    if (!referral.has_next_deadline_alarm_time() ||
        FromTimestamp(referral.next_deadline_alarm_time()) > now) {
      return absl::OkStatus();
    }
    ++report.referrals_examined;
    const DeadlinePolicy* policy =
        region_->PolicyFor(referral.welfare_organisation());
    if (policy == nullptr) {
      return absl::InternalError(
          "a referral's welfare organisation is no longer configured; its "
          "deadlines cannot be escalated");
    }
    wor::v1::ReferralDeadlines before = referral.deadlines();
    EscalationStep step = Escalate(*policy, now, referral);
    if (!step.changed) return absl::OkStatus();

    referral.set_etag(EtagForRevision(stored.revision + 1));
    WOR_RETURN_IF_ERROR(tx.UpdateReferral(id, stored.revision, referral));
    ++report.referrals_changed;
    auto append = [&](wor::v1::ReferralEventType type,
                      const wor::v1::DeadlineNotice* notice) {
      wor::v1::ReferralEvent event;
      event.set_type(type);
      *event.mutable_referral() = referral;
      *event.mutable_event_time() = ToTimestamp(now);
      if (notice != nullptr) *event.mutable_deadline_notice() = *notice;
      return tx.AppendEvent(event);
    };
    for (const DeadlineNoticeToSend& send : step.notices) {
      WOR_RETURN_IF_ERROR(append(send.type, &send.notice));
      if (send.type == wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK) {
        ++report.at_risk_notices;
      } else {
        ++report.breach_notices;
      }
    }
    // A deadline that turned BREACHED outside office hours: readers learn
    // of the new status now, the notice follows at opening.
    if (step.notices.empty() && before.SerializeAsString() !=
                                    referral.deadlines().SerializeAsString()) {
      WOR_RETURN_IF_ERROR(
          append(wor::v1::REFERRAL_EVENT_TYPE_DEADLINES_UPDATED, nullptr));
    }
    AccessedObjects objects;
    objects.Add(referral.name(), referral.patient_pseudonym());
    return tx.AppendAudit(audit_.Allowed(call, objects, {}));
  });
}

}  // namespace wor::server
