// The NEN 7513 access log end to end: every access to personal data leaves a
// record (also denied attempts and reads of the log itself), the chain
// verifies, and tampering with the raw SQLite file — update, delete,
// reorder — is detected with the first broken link.
#include <sqlite3.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/privacy/privacy_test_helpers.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Runs SQL on the server's database file as an attacker with file access
// would: the append-only triggers are dropped first.
void Tamper(TestServer& server, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((server.directory() + "/wor.db").c_str(), &db),
            SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  const std::string all =
      "DROP TRIGGER IF EXISTS audit_log_no_update;"
      "DROP TRIGGER IF EXISTS audit_log_no_delete;"
      "DROP TRIGGER IF EXISTS audit_log_appends_in_order;"
      "DROP TRIGGER IF EXISTS audit_record_patients_no_delete;" +
      sql;
  EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

std::string RawSqlError(TestServer& server, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open((server.directory() + "/wor.db").c_str(), &db);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  return message;
}

// A few accesses: create, the coach reads, someone else tries.
std::string MakeSomeHistory(TestServer& server) {
  const std::string name = CreateAsGp(server, ValidReferral(), "a1").name();
  EXPECT_TRUE(GetAs(server, CoachOf(), name, nullptr).ok());
  EXPECT_EQ(GetAs(server, GpOfPractice("01023456"), name, nullptr).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(GetAs(server, GpOfPractice(), name, nullptr).ok());
  return name;
}

TEST(AuditLog, EveryAccessIsRecordedWithWhoWhatAndTheConsentReliedOn) {
  TestServer server;
  const std::string name = MakeSomeHistory(server);
  std::vector<wor::v1::AuditRecord> records = AuditRecords(server, name);
  // create, coach read, denied read, GP read (+ the privacy officer's own
  // lookup of the referral for this query).
  std::vector<std::string> seen;
  for (const auto& r : records) {
    seen.push_back(absl::StrCat(
        r.method().substr(r.method().rfind('.') + 1), " ", r.user(), " ",
        wor::v1::AuditOutcome_Name(r.outcome()).substr(14)));
  }
  EXPECT_THAT(seen, ElementsAre("CreateReferral gp-01012345 ALLOWED",
                                "GetReferral coach-41234567 ALLOWED",
                                "GetReferral gp-01023456 DENIED",
                                "GetReferral gp-01012345 ALLOWED",
                                "ListAuditRecords fg-meppel ALLOWED"));
  const wor::v1::AuditRecord& coach_read = records[1];
  EXPECT_EQ(coach_read.event(), wor::v1::AUDIT_EVENT_TYPE_READ);
  EXPECT_EQ(coach_read.organisation(), "kvk:41234567");
  EXPECT_EQ(coach_read.role(), wor::v1::USER_ROLE_COACH);
  EXPECT_THAT(coach_read.objects(), ElementsAre(name));
  EXPECT_EQ(coach_read.patient_pseudonyms_size(), 1);
  EXPECT_THAT(coach_read.consent_relied_on(),
              ElementsAre(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH));
  EXPECT_THAT(coach_read.access_point().peer_address(), HasSubstr("127.0.0.1"));
  // The log holds no personal data.
  for (const auto& r : records) {
    EXPECT_THAT(r.DebugString(), ::testing::Not(HasSubstr("Vries")));
  }
}

TEST(AuditLog, ReadingTheLogIsItselfLoggedAndOnlyForThePrivacyOfficer) {
  TestServer server;
  MakeSomeHistory(server);
  VerifyChain(server);
  std::vector<wor::v1::AuditRecord> all = AuditRecords(server);
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all[all.size() - 2].method(),
            "wor.v1.AuditService.VerifyAuditChain");
  EXPECT_EQ(all.back().event(), wor::v1::AUDIT_EVENT_TYPE_AUDIT_READ);

  auto as_gp = StubAs<wor::v1::AuditService>(server, GpOfPractice());
  grpc::ClientContext context;
  wor::v1::ListAuditRecordsResponse response;
  EXPECT_EQ(as_gp->ListAuditRecords(&context, {}, &response).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST(AuditLog, ThePatientsAccessReportSaysWhoLookedWhenUnderWhichConsent) {
  TestServer server;
  const std::string name = MakeSomeHistory(server);
  auto stub = StubAs<wor::v1::AuditService>(server, PrivacyOfficer());
  wor::v1::GetPatientAccessReportRequest request;
  request.set_referral(name);
  grpc::ClientContext context;
  wor::v1::GetPatientAccessReportResponse response;
  ASSERT_TRUE(stub->GetPatientAccessReport(&context, request, &response).ok());
  ASSERT_GE(response.accesses_size(), 4);
  EXPECT_EQ(response.accesses(1).organisation(), "kvk:41234567");
  EXPECT_THAT(response.text(), HasSubstr("kvk:41234567"));
  EXPECT_THAT(response.text(), HasSubstr("ingezien"));
  EXPECT_THAT(response.text(), HasSubstr("geweigerd"));
}

TEST(AuditLog, TheChainVerifies) {
  TestServer server;
  MakeSomeHistory(server);
  wor::v1::VerifyAuditChainResponse result = VerifyChain(server);
  EXPECT_TRUE(result.intact()) << result.problem();
  EXPECT_GE(result.records_checked(), 4);
}

TEST(AuditLog, TriggersRefuseUpdateAndDeleteThroughRawSql) {
  TestServer server;
  MakeSomeHistory(server);
  EXPECT_THAT(
      RawSqlError(server, "UPDATE audit_log SET user = 'x' WHERE sequence = 1"),
      HasSubstr("append-only"));
  EXPECT_THAT(RawSqlError(server, "DELETE FROM audit_log WHERE sequence = 1"),
              HasSubstr("append-only"));
  EXPECT_TRUE(VerifyChain(server).intact());
}

TEST(AuditLog, AChangedRecordIsDetected) {
  TestServer server;
  MakeSomeHistory(server);
  // Swap who did the second access: change the stored record bytes.
  wor::v1::AuditRecord forged = AuditRecords(server)[1];
  forged.set_user("someone-else");
  forged.clear_hash();
  forged.clear_previous_hash();
  std::string hex;
  for (unsigned char c : forged.SerializeAsString())
    absl::StrAppend(&hex, absl::StrFormat("%02x", c));
  Tamper(server, absl::StrCat("UPDATE audit_log SET record = x'", hex,
                              "', user = 'someone-else' WHERE sequence = 2;"));
  wor::v1::VerifyAuditChainResponse result = VerifyChain(server);
  EXPECT_FALSE(result.intact());
  EXPECT_EQ(result.first_broken_sequence(), 2);
  EXPECT_THAT(result.problem(), HasSubstr("hash"));
}

TEST(AuditLog, ADeletedRecordIsDetected) {
  TestServer server;
  MakeSomeHistory(server);
  Tamper(server,
         "DELETE FROM audit_record_patients WHERE sequence = 3;"
         "DELETE FROM audit_log WHERE sequence = 3;");
  wor::v1::VerifyAuditChainResponse result = VerifyChain(server);
  EXPECT_FALSE(result.intact());
  EXPECT_EQ(result.first_broken_sequence(), 3);
  EXPECT_THAT(result.problem(), HasSubstr("missing"));
}

TEST(AuditLog, ReorderedRecordsAreDetected) {
  TestServer server;
  MakeSomeHistory(server);
  // Swap the contents (and hashes) of records 2 and 3.
  Tamper(
      server,
      "CREATE TEMP TABLE swap AS SELECT * FROM audit_log WHERE sequence IN (2, "
      "3);"
      "UPDATE audit_log SET record = (SELECT record FROM swap WHERE sequence = "
      "3),"
      " previous_hash = (SELECT previous_hash FROM swap WHERE sequence = 3),"
      " hash = (SELECT hash FROM swap WHERE sequence = 3) WHERE sequence = 2;"
      "UPDATE audit_log SET record = (SELECT record FROM swap WHERE sequence = "
      "2),"
      " previous_hash = (SELECT previous_hash FROM swap WHERE sequence = 2),"
      " hash = (SELECT hash FROM swap WHERE sequence = 2) WHERE sequence = 3;");
  wor::v1::VerifyAuditChainResponse result = VerifyChain(server);
  EXPECT_FALSE(result.intact());
  EXPECT_EQ(result.first_broken_sequence(), 2);
}

}  // namespace
}  // namespace wor::server
