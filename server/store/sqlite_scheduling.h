// The SQLite store's scheduling rows: coach availability and the booked
// intakes indexed on the referrals table (sqlite_schema/0005_scheduling.sql).
// Shared by the write transaction and the store's read paths.
#ifndef WOR_SERVER_STORE_SQLITE_SCHEDULING_H_
#define WOR_SERVER_STORE_SQLITE_SCHEDULING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/store/sqlite_connection.h"
#include "server/store/store.h"

namespace wor::server {

// Sets the referral row's scheduling columns (assigned coach, booked
// intake) from `referral`. Run after every insert or update of a referral.
absl::Status WriteReferralSchedulingColumns(SqliteConnection& db,
                                            const std::string& id,
                                            const wor::v1::Referral& referral);

absl::StatusOr<StoredCoachAvailability> SelectCoachAvailability(
    SqliteConnection& db, const std::string& coach);

// See WriteTransaction::PutCoachAvailability.
absl::StatusOr<int64_t> UpsertCoachAvailability(
    SqliteConnection& db, const std::string& coach, int64_t expected_revision,
    const wor::v1::CoachAvailability& availability);

// The booked intakes of `coach` overlapping [from, to), by start, leaving
// out `excluding_referral_id`'s, at most `limit`.
absl::StatusOr<std::vector<BookedIntake>> SelectCoachIntakes(
    SqliteConnection& db, const std::string& coach, absl::Time from,
    absl::Time to, const std::string& excluding_referral_id, int limit);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_SCHEDULING_H_
