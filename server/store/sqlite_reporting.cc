// Partner-reporting rows of the SQLite store; see sqlite_reporting.h.
#include "server/store/sqlite_reporting.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"

namespace wor::server {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

int64_t DayNumber(absl::CivilDay day) { return day - kEpoch; }
absl::CivilDay DayOf(int64_t number) { return kEpoch + number; }

// The facts' codes and numbers, after the two identifiers.
#define WOR_FACT_CODES                                                     \
  "referral_day, age_band, route, state, outcome, indicator_mask, "        \
  "working_days_to_contact, contact_within_target, contact_within_limit, " \
  "working_days_to_intake, monitoring_consent, intake_scores, "            \
  "closing_scores"
constexpr char kFactColumns[] =
    "referral_id, practice_agb, patient_pseudonym, " WOR_FACT_CODES;
// The same columns with the identifiers left empty, for statistics.
constexpr char kStatisticsColumns[] = "'', practice_agb, '', " WOR_FACT_CODES;
#undef WOR_FACT_CODES
constexpr int kFactColumnCount = 16;

void BindOptionalInt(SqliteStatement& stmt, int index,
                     const std::optional<int32_t>& value) {
  if (value) {
    stmt.BindInt64(index, *value);
  } else {
    stmt.BindNull(index);
  }
}

// Six little-endian doubles, NaN for a missing score; NULL when all are.
void BindScores(SqliteStatement& stmt, int index, const HealthScores& scores) {
  if (std::none_of(scores.begin(), scores.end(),
                   [](const auto& s) { return s.has_value(); })) {
    stmt.BindNull(index);
    return;
  }
  std::string bytes(6 * 8, '\0');
  for (int i = 0; i < 6; ++i) {
    const double value =
        scores[i] ? *scores[i] : std::numeric_limits<double>::quiet_NaN();
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int b = 0; b < 8; ++b) {
      bytes[i * 8 + b] = static_cast<char>((bits >> (8 * b)) & 0xff);
    }
  }
  stmt.BindBlob(index, bytes);
}

std::optional<int32_t> OptionalInt(const SqliteStatement& stmt, int index) {
  if (stmt.ColumnIsNull(index)) return std::nullopt;
  return static_cast<int32_t>(stmt.ColumnInt64(index));
}

HealthScores Scores(const SqliteStatement& stmt, int index) {
  HealthScores scores;
  const std::string bytes = stmt.ColumnBlob(index);
  if (bytes.size() != 6 * 8) return scores;  // NULL: not scored
  for (int i = 0; i < 6; ++i) {
    uint64_t bits = 0;
    for (int b = 0; b < 8; ++b) {
      bits |=
          static_cast<uint64_t>(static_cast<unsigned char>(bytes[i * 8 + b]))
          << (8 * b);
    }
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isnan(value)) scores[i] = value;
  }
  return scores;
}

// Reads a row selected with kFactColumns into `facts`, reusing its strings.
void ReadFacts(const SqliteStatement& stmt, ReferralFacts& facts) {
  facts.referral_id = stmt.ColumnText(0);
  facts.practice_agb = stmt.ColumnText(1);
  facts.patient_pseudonym = stmt.ColumnText(2);
  facts.referral_date = DayOf(stmt.ColumnInt64(3));
  facts.age_band = stmt.ColumnText(4);
  facts.route = static_cast<wor::v1::ReferralRoute>(stmt.ColumnInt64(5));
  facts.state = static_cast<wor::v1::ReferralState>(stmt.ColumnInt64(6));
  facts.outcome = static_cast<wor::v1::ReferralOutcome>(stmt.ColumnInt64(7));
  facts.indicator_mask = static_cast<uint32_t>(stmt.ColumnInt64(8));
  facts.working_days_to_contact = OptionalInt(stmt, 9);
  facts.contact_within_target = stmt.ColumnInt64(10) != 0;
  facts.contact_within_limit = stmt.ColumnInt64(11) != 0;
  facts.working_days_to_intake = OptionalInt(stmt, 12);
  facts.monitoring_consent = stmt.ColumnInt64(13) != 0;
  facts.intake_scores = Scores(stmt, 14);
  facts.closing_scores = Scores(stmt, 15);
}

}  // namespace

absl::Status WriteReferralFacts(SqliteConnection& db, const std::string& id,
                                const wor::v1::Referral& referral) {
  const std::optional<ReferralFacts> facts = FactsOf(id, referral);
  if (!facts) return absl::OkStatus();
  std::string placeholders = "?";
  for (int i = 1; i < kFactColumnCount; ++i) placeholders += ", ?";
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare(absl::StrCat("INSERT OR REPLACE INTO "
                              "referral_facts (",
                              kFactColumns, ") VALUES (", placeholders, ")")));
  stmt->BindText(1, facts->referral_id);
  stmt->BindText(2, facts->practice_agb);
  stmt->BindText(3, facts->patient_pseudonym);
  stmt->BindInt64(4, DayNumber(facts->referral_date));
  stmt->BindText(5, facts->age_band);
  stmt->BindInt64(6, facts->route);
  stmt->BindInt64(7, facts->state);
  stmt->BindInt64(8, facts->outcome);
  stmt->BindInt64(9, facts->indicator_mask);
  BindOptionalInt(*stmt, 10, facts->working_days_to_contact);
  stmt->BindInt64(11, facts->contact_within_target ? 1 : 0);
  stmt->BindInt64(12, facts->contact_within_limit ? 1 : 0);
  BindOptionalInt(*stmt, 13, facts->working_days_to_intake);
  stmt->BindInt64(14, facts->monitoring_consent ? 1 : 0);
  BindScores(*stmt, 15, facts->intake_scores);
  BindScores(*stmt, 16, facts->closing_scores);
  return stmt->Run();
}

absl::Status ScanReferralFactRows(
    SqliteConnection& db, const FactsFilter& filter,
    const std::function<void(const ReferralFacts&)>& visit) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare(absl::StrCat(
          "SELECT ",
          filter.with_identifiers ? kFactColumns : kStatisticsColumns,
          " FROM referral_facts WHERE referral_day BETWEEN ? AND ?",
          filter.monitoring_consent_only ? " AND monitoring_consent = 1"
                                         : "")));
  stmt->BindInt64(1, DayNumber(filter.first_day));
  stmt->BindInt64(2, DayNumber(filter.last_day));
  ReferralFacts facts;
  while (true) {
    WOR_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return absl::OkStatus();
    ReadFacts(*stmt, facts);
    visit(facts);
  }
}

absl::StatusOr<ReferralFacts> SelectReferralFacts(
    SqliteConnection& db, const std::string& referral_id) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare(absl::StrCat("SELECT ", kFactColumns,
                              " FROM referral_facts WHERE referral_id = ?")));
  stmt->BindText(1, referral_id);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return absl::NotFoundError("the referral has no facts row");
  ReferralFacts facts;
  ReadFacts(*stmt, facts);
  return facts;
}

absl::Status InsertCoachTimeRow(SqliteConnection& db, const CoachTimeRow& row) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("INSERT INTO coach_time (referral_id, practice_agb, coach, "
                 "day, minutes) VALUES (?, ?, ?, ?, ?)"));
  stmt->BindText(1, row.referral_id);
  stmt->BindText(2, row.practice_agb);
  stmt->BindText(3, row.coach);
  stmt->BindInt64(4, DayNumber(row.day));
  stmt->BindInt64(5, row.minutes);
  return stmt->Run();
}

absl::Status ForgetPatientInFactRows(SqliteConnection& db,
                                     const std::string& patient_pseudonym) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("UPDATE referral_facts SET patient_pseudonym = '', "
                 "monitoring_consent = 0 WHERE patient_pseudonym = ?"));
  stmt->BindText(1, patient_pseudonym);
  return stmt->Run();
}

absl::StatusOr<std::vector<CoachTimeRow>> SelectCoachTime(
    SqliteConnection& db, absl::CivilDay last_day) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("SELECT referral_id, practice_agb, coach, day, minutes FROM "
                 "coach_time WHERE day <= ? ORDER BY sequence"));
  stmt->BindInt64(1, DayNumber(last_day));
  std::vector<CoachTimeRow> rows;
  while (true) {
    WOR_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return rows;
    rows.push_back(CoachTimeRow{.referral_id = stmt->ColumnText(0),
                                .practice_agb = stmt->ColumnText(1),
                                .coach = stmt->ColumnText(2),
                                .day = DayOf(stmt->ColumnInt64(3)),
                                .minutes = stmt->ColumnInt64(4)});
  }
}

}  // namespace wor::server
