// PartnerService's domain side: statistics, the pseudonymised export and the
// budget report for a partner of the region (municipality, insurer,
// regional programme). See proto/wor/v1/partner_service.proto.
//
// Statistics read the referral facts (server/store/referral_facts.h), never
// a referral's personal data. The export shows only referrals whose patient
// consents to MONITORING_PSEUDONYMISED, under this partner's pseudonyms
// (partner_pseudonyms.h); it is audited per batch like every access to
// patient data.
//
// Thread-safe: immutable after Create; cursors belong to one stream.
#ifndef WOR_SERVER_DOMAIN_PARTNER_REPORTING_H_
#define WOR_SERVER_DOMAIN_PARTNER_REPORTING_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/config/server_config.pb.h"
#include "server/domain/access_audit.h"
#include "server/domain/budget_report.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/partner_pseudonyms.h"
#include "server/domain/referral_statistics.h"
#include "server/domain/region_directory.h"
#include "server/domain/small_cell_suppression.h"
#include "server/store/store.h"
#include "wor/v1/partner_service.pb.h"

namespace wor::server {

// Where an export stream is: first the snapshot of consented referrals (in
// record_id order), then the outbox after `after_sequence`.
struct ExportCursor {
  std::string partner;  // partners/{id}
  // (record_id, facts) of the consented referrals, by record_id.
  std::vector<std::pair<std::string, ReferralFacts>> snapshot;
  size_t next = 0;             // into snapshot
  int64_t after_sequence = 0;  // the outbox position

  bool InSnapshot() const { return next < snapshot.size(); }
};

class PartnerReporting {
 public:
  // FAILED_PRECONDITION naming the configuration field for a funding
  // arrangement or practice group that does not add up.
  static absl::StatusOr<std::unique_ptr<PartnerReporting>> Create(
      Store* store, const Clock* clock, const RegionDirectory* region,
      const wor::server::config::ServerConfig& config,
      std::string pseudonym_secret);

  absl::StatusOr<wor::v1::GetReferralStatisticsResponse> Statistics(
      const CallContext& call,
      const wor::v1::GetReferralStatisticsRequest& request) const;

  absl::StatusOr<wor::v1::GetBudgetReportResponse> Budget(
      const CallContext& call,
      const wor::v1::GetBudgetReportRequest& request) const;

  // Validates the resume token and takes the snapshot when there is none.
  absl::StatusOr<ExportCursor> StartExport(
      const CallContext& call,
      const wor::v1::ExportPseudonymisedRecordsRequest& request) const;

  // The next messages (at most about `limit`), advancing the cursor; empty
  // when caught up. Each non-empty batch is audited before it is returned.
  absl::StatusOr<std::vector<wor::v1::ExportPseudonymisedRecordsResponse>>
  PollExport(const CallContext& call, ExportCursor& cursor, int limit) const;

  // Waits (real time) until an event after the cursor is committed.
  bool WaitForMore(const ExportCursor& cursor, absl::Duration timeout) const;

 private:
  struct PartnerInfo {
    std::string name;
    wor::server::config::PartnerKind kind;
  };

  PartnerReporting(Store* store, const Clock* clock,
                   const RegionDirectory* region, std::string secret)
      : store_(store),
        clock_(clock),
        region_(region),
        audit_(store, clock),
        pseudonyms_(std::move(secret)) {}

  void PollSnapshot(
      ExportCursor& cursor, int limit,
      std::vector<wor::v1::ExportPseudonymisedRecordsResponse>& batch,
      AccessedObjects& shown) const;
  absl::Status PollTail(
      ExportCursor& cursor, int limit,
      std::vector<wor::v1::ExportPseudonymisedRecordsResponse>& batch,
      AccessedObjects& shown) const;
  wor::v1::PseudonymisedRecord RecordOf(const std::string& partner,
                                        const ReferralFacts& facts) const;
  std::string RecordId(const std::string& partner,
                       const std::string& referral_id) const;

  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  AccessAudit audit_;
  PartnerPseudonyms pseudonyms_;
  StatisticsDirectory directory_;
  std::map<std::string, std::string> practice_names_;  // agb → name
  std::map<std::string, PartnerInfo> partners_;        // id → info
  std::vector<FundingArrangement> funding_;
  int64_t threshold_ = kDefaultSmallCellThreshold;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_PARTNER_REPORTING_H_
