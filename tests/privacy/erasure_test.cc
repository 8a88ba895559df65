// Encryption at rest and erasure by key destruction, checked on the raw
// files: no plaintext of the patient in the database or its WAL at any
// time; after ErasePatientData not even a backup taken before the erasure
// can be read back by the server.
#include <sqlite3.h>

#include <filesystem>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/config/config_loader.h"
#include "tests/privacy/privacy_test_helpers.h"
#include "wor/v1/audit_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;

// Distinctive values, easy to find in raw bytes.
wor::v1::Referral DistinctiveReferral() {
  wor::v1::Referral r = ValidReferral();
  r.mutable_patient()->set_family_name("Zwanenburgh");
  r.mutable_patient()->set_phone("06 13572468");
  r.mutable_patient()->set_email("zwanenburgh@voorbeeld.nl");
  r.set_patient_question("Ik mis mijn kleinkinderen in Groningen.");
  return r;
}

const std::vector<std::string> kPlaintexts = {"Zwanenburgh", "13572468",
                                              "voorbeeld.nl", "kleinkinderen",
                                              "Dikke vrienden"};

void ExpectNoPlaintext(const std::string& path) {
  const std::string bytes = FileBytes(path);
  for (const std::string& text : kPlaintexts) {
    EXPECT_EQ(bytes.find(text), std::string::npos)
        << "'" << text << "' found in " << path;
  }
}

void Backup(const std::string& from, const std::string& to) {
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  ASSERT_EQ(sqlite3_open(from.c_str(), &source), SQLITE_OK);
  ASSERT_EQ(sqlite3_open(to.c_str(), &target), SQLITE_OK);
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  ASSERT_NE(backup, nullptr);
  sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  sqlite3_close(target);
  sqlite3_close(source);
}

TEST(Erasure,
     NoPlaintextInDatabaseOrWalAndNothingReadableAfterErasureEvenFromABackup) {
  TestServer server;
  const std::string db = server.directory() + "/wor.db";
  const std::string name =
      CreateAsGp(server, DistinctiveReferral(), "e1").name();
  // The coach reads it and sends feedback with free text.
  wor::v1::Referral seen;
  ASSERT_TRUE(GetAs(server, CoachOf(), name, &seen).ok());
  ASSERT_EQ(seen.patient().family_name(), "Zwanenburgh");
  {
    auto coach = StubAs<wor::v1::ReferralService>(server, CoachOf());
    wor::v1::AcceptReferralRequest accept;
    accept.set_name(name);
    accept.set_request_id("e1-a");
    grpc::ClientContext context;
    wor::v1::AcceptReferralResponse response;
    ASSERT_TRUE(coach->AcceptReferral(&context, accept, &response).ok());
    auto feedback = StubAs<wor::v1::FeedbackService>(server, CoachOf());
    wor::v1::SendFeedbackRequest send;
    send.set_parent(name);
    send.mutable_feedback()->set_kind(wor::v1::FEEDBACK_KIND_INTERIM);
    send.mutable_feedback()->set_summary("Dikke vrienden met de buurman.");
    send.set_request_id("e1-f");
    grpc::ClientContext send_context;
    wor::v1::SendFeedbackResponse sent;
    ASSERT_TRUE(feedback->SendFeedback(&send_context, send, &sent).ok());
  }
  // While the server runs: neither the database nor its WAL holds plaintext.
  ExpectNoPlaintext(db);
  ExpectNoPlaintext(db + "-wal");

  // A backup taken before the erasure.
  const std::string backup_dir = server.directory() + "/backup";
  std::filesystem::create_directories(backup_dir);
  Backup(db, backup_dir + "/wor.db");
  ExpectNoPlaintext(backup_dir + "/wor.db");

  auto privacy = StubAs<wor::v1::PrivacyService>(server, PrivacyOfficer());
  wor::v1::ErasePatientDataRequest erase;
  erase.set_referral(name);
  erase.set_request_reference("AVG-2026-0042");
  erase.set_request_id("e1-erase");
  grpc::ClientContext context;
  wor::v1::ErasePatientDataResponse erased;
  grpc::Status status = privacy->ErasePatientData(&context, erase, &erased);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(erased.referrals_erased(), 1);

  // The server itself can no longer read the personal data; counts remain.
  ASSERT_TRUE(GetAs(server, GpOfPractice(), name, &seen).ok());
  EXPECT_TRUE(seen.personal_data_erased());
  EXPECT_FALSE(seen.has_patient());
  EXPECT_TRUE(seen.patient_question().empty());
  EXPECT_EQ(seen.state(), wor::v1::REFERRAL_STATE_ACCEPTED);
  auto gp_feedback = StubAs<wor::v1::FeedbackService>(server, GpOfPractice());
  wor::v1::ListFeedbackRequest list;
  list.set_parent(name);
  grpc::ClientContext list_context;
  wor::v1::ListFeedbackResponse feedback;
  ASSERT_TRUE(gp_feedback->ListFeedback(&list_context, list, &feedback).ok());
  ASSERT_EQ(feedback.feedback_size(), 1);
  EXPECT_TRUE(feedback.feedback(0).summary().empty());

  // The keyring keeps no copy of the destroyed key in its file or journal.
  ExpectNoPlaintext(server.directory() + "/keyring.db");

  // Restore the earlier backup next to the (post-erasure) keyring and start a
  // server on it: the patient's data stays unreadable.
  std::filesystem::copy_file(server.directory() + "/keyring.db",
                             backup_dir + "/keyring.db");
  std::filesystem::copy_file(server.directory() + "/master.key",
                             backup_dir + "/master.key");
  wor::server::config::ServerConfig config = TestConfig(backup_dir);
  FakeClock clock(TestInstant("2026-04-23T09:00:00Z"));
  std::ostringstream log;
  auto restored = WorServer::Start(config, &clock, &log);
  ASSERT_TRUE(restored.ok()) << restored.status();
  auto channel = ChannelWithIdentity(
      absl::StrCat("127.0.0.1:", (*restored)->port()), GpOfPractice());
  auto stub = wor::v1::ReferralService::NewStub(channel);
  wor::v1::GetReferralRequest get;
  get.set_name(name);
  grpc::ClientContext get_context;
  wor::v1::GetReferralResponse from_backup;
  ASSERT_TRUE(stub->GetReferral(&get_context, get, &from_backup).ok());
  EXPECT_TRUE(from_backup.referral().personal_data_erased());
  EXPECT_FALSE(from_backup.referral().has_patient());
  EXPECT_EQ(from_backup.referral().state(), wor::v1::REFERRAL_STATE_ACCEPTED);
  (*restored)->Shutdown(absl::ZeroDuration());
}

TEST(Erasure, IsAuditedAndAnnouncedOnTheStream) {
  TestServer server;
  const std::string name =
      CreateAsGp(server, DistinctiveReferral(), "e2").name();
  auto privacy = StubAs<wor::v1::PrivacyService>(server, PrivacyOfficer());
  wor::v1::ErasePatientDataRequest erase;
  erase.set_referral(name);
  erase.set_request_reference("AVG-2026-0043");
  erase.set_request_id("e2-erase");
  grpc::ClientContext context;
  wor::v1::ErasePatientDataResponse erased;
  ASSERT_TRUE(privacy->ErasePatientData(&context, erase, &erased).ok());
  bool audited = false;
  for (const auto& record : AuditRecords(server)) {
    audited |= record.event() == wor::v1::AUDIT_EVENT_TYPE_ERASE &&
               record.user() == "fg-meppel";
  }
  EXPECT_TRUE(audited);
  auto gp = StubAs<wor::v1::ReferralService>(server, GpOfPractice());
  grpc::ClientContext watch;
  watch.set_deadline(std::chrono::system_clock::now() +
                     std::chrono::seconds(5));
  auto stream = gp->WatchReferrals(&watch, {});
  wor::v1::WatchReferralsResponse message;
  std::vector<wor::v1::ReferralEventType> types;
  while (types.size() < 2 && stream->Read(&message))
    types.push_back(message.event().type());
  watch.TryCancel();
  EXPECT_THAT(types, ::testing::ElementsAre(
                         wor::v1::REFERRAL_EVENT_TYPE_CREATED,
                         wor::v1::REFERRAL_EVENT_TYPE_PERSONAL_DATA_ERASED));
  // Only the privacy officer may erase.
  auto as_gp = StubAs<wor::v1::PrivacyService>(server, GpOfPractice());
  grpc::ClientContext gp_context;
  erase.set_request_id("e2-gp");
  EXPECT_EQ(as_gp->ErasePatientData(&gp_context, erase, &erased).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace wor::server
