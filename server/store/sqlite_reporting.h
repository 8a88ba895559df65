// The SQLite store's partner-reporting rows: referral facts and coach time
// (sqlite_schema/0007_partner_reporting.sql). Shared by the write
// transaction and the store's read paths.
#ifndef WOR_SERVER_STORE_SQLITE_REPORTING_H_
#define WOR_SERVER_STORE_SQLITE_REPORTING_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/store/referral_facts.h"
#include "server/store/sqlite_connection.h"
#include "server/store/store.h"

namespace wor::server {

// Replaces the facts row of referral `id` with FactsOf(referral) (none for a
// referral without milestones). Run after every insert or update.
absl::Status WriteReferralFacts(SqliteConnection& db, const std::string& id,
                                const wor::v1::Referral& referral);

absl::Status ScanReferralFactRows(
    SqliteConnection& db, const FactsFilter& filter,
    const std::function<void(const ReferralFacts&)>& visit);

absl::StatusOr<ReferralFacts> SelectReferralFacts(
    SqliteConnection& db, const std::string& referral_id);

absl::Status InsertCoachTimeRow(SqliteConnection& db, const CoachTimeRow& row);

// See WriteTransaction::ForgetPatientInFacts.
absl::Status ForgetPatientInFactRows(SqliteConnection& db,
                                     const std::string& patient_pseudonym);

absl::StatusOr<std::vector<CoachTimeRow>> SelectCoachTime(
    SqliteConnection& db, absl::CivilDay last_day);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_REPORTING_H_
