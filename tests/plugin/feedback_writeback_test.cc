#include "plugin/feedback_writeback.h"

#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin/ehr_feedback_sink.h"
#include "wor/client/mocks/mock_feedback_connection.h"
#include "wor/client/mocks/mock_referral_connection.h"

namespace wor::plugin {
namespace {

using ::testing::_;
using ::testing::Return;

FeedbackDelivery Delivery() {
  return {.feedback_name = "referrals/r1/feedback/f1",
          .referral_name = "referrals/r1",
          .ehr_patient_reference = "pat-1",
          .welfare_organisation = "welfareOrganisations/41234567",
          .kind = wor::v1::FEEDBACK_KIND_AFTER_INTAKE,
          .summary = "Intake gehouden.",
          .send_time = absl::FromUnixSeconds(1790000000)};
}

TEST(BuildCommunication, IsACompletedCommunicationAboutTheReferral) {
  nlohmann::json c = BuildCommunication(Delivery());
  EXPECT_EQ(c["resourceType"], "Communication");
  EXPECT_EQ(c["status"], "completed");
  EXPECT_EQ(c["subject"]["reference"], "Patient/pat-1");
  EXPECT_EQ(c["identifier"][0]["system"], kFeedbackIdentifierSystem);
  EXPECT_EQ(c["identifier"][0]["value"], "referrals/r1/feedback/f1");
  EXPECT_EQ(c["about"][0]["identifier"]["value"], "referrals/r1");
  EXPECT_EQ(c["sender"]["identifier"]["system"], kKvkSystem);
  EXPECT_EQ(c["sender"]["identifier"]["value"], "41234567");
  EXPECT_EQ(c["sent"], "2026-09-21T14:13:20Z");
  EXPECT_THAT(c["payload"][0]["contentString"].get<std::string>(),
              ::testing::HasSubstr("Intake gehouden."));
}

TEST(BuildCommunication, WithheldContentSaysSoAndCarriesNoSummary) {
  FeedbackDelivery d = Delivery();
  d.summary = "";
  d.content_withheld = true;
  std::string text =
      BuildCommunication(d)["payload"][0]["contentString"].get<std::string>();
  EXPECT_THAT(text, ::testing::HasSubstr("geen toestemming"));
}

class RecordingSink final : public EhrFeedbackSink {
 public:
  absl::Status Deliver(const FeedbackDelivery& d) override {
    delivered.push_back(d);
    return next;
  }
  std::vector<FeedbackDelivery> delivered;
  absl::Status next = absl::OkStatus();
};

class FeedbackWritebackTest : public ::testing::Test {
 protected:
  FeedbackWritebackTest() {
    char dir[] = "/tmp/wor-plugin-test-XXXXXX";
    path_ = std::string(mkdtemp(dir)) + "/token";
  }
  ~FeedbackWritebackTest() override {
    std::remove((path_ + ".tmp").c_str());
    std::remove(path_.c_str());
    ::rmdir(path_.substr(0, path_.rfind('/')).c_str());
  }

  wor::v1::ReferralEvent FeedbackEvent() {
    wor::v1::ReferralEvent event;
    event.set_type(wor::v1::REFERRAL_EVENT_TYPE_FEEDBACK_SENT);
    event.set_feedback("referrals/r1/feedback/f1");
    event.mutable_referral()->set_name("referrals/r1");
    event.mutable_referral()->mutable_patient()->set_ehr_patient_reference(
        "pat-1");
    event.mutable_referral()->set_welfare_organisation(
        "welfareOrganisations/41234567");
    return event;
  }
  wor::v1::Feedback Item(bool acknowledged) {
    wor::v1::Feedback f;
    f.set_name("referrals/r1/feedback/f1");
    f.set_kind(wor::v1::FEEDBACK_KIND_AFTER_INTAKE);
    f.set_summary("Intake gehouden.");
    if (acknowledged) f.mutable_acknowledge_time()->set_seconds(1);
    return f;
  }

  std::string path_;
  std::shared_ptr<wor::client::mocks::MockFeedbackConnection> feedback_ =
      std::make_shared<wor::client::mocks::MockFeedbackConnection>();
  std::shared_ptr<wor::client::mocks::MockReferralConnection> referrals_ =
      std::make_shared<wor::client::mocks::MockReferralConnection>();
  RecordingSink sink_;
};

TEST_F(FeedbackWritebackTest, WritesIntoTheEhrThenAcknowledges) {
  ResumeTokenFile file(path_);
  FeedbackWriteback worker(wor::client::ReferralClient(referrals_),
                           wor::client::FeedbackClient(feedback_), &sink_,
                           &file, "01012345");
  EXPECT_CALL(*feedback_, ListFeedback).WillOnce([&](auto) {
    return wor::client::MakeStreamRange<wor::v1::Feedback>({Item(false)});
  });
  EXPECT_CALL(*feedback_, AcknowledgeFeedback)
      .WillOnce([&](const wor::v1::AcknowledgeFeedbackRequest& r) {
        EXPECT_EQ(r.name(), "referrals/r1/feedback/f1");
        EXPECT_EQ(r.request_id(), AcknowledgeRequestId(r.name()));
        EXPECT_EQ(sink_.delivered.size(), 1u);  // written before the ack
        return wor::v1::AcknowledgeFeedbackResponse();
      });
  EXPECT_TRUE(worker.HandleEvent(FeedbackEvent()).ok());
  ASSERT_EQ(sink_.delivered.size(), 1u);
  EXPECT_EQ(sink_.delivered[0].ehr_patient_reference, "pat-1");
}

TEST_F(FeedbackWritebackTest, DoesNotAcknowledgeWhatTheEhrDidNotAccept) {
  ResumeTokenFile file(path_);
  FeedbackWriteback worker(wor::client::ReferralClient(referrals_),
                           wor::client::FeedbackClient(feedback_), &sink_,
                           &file, "01012345");
  sink_.next = absl::UnavailableError("EHR down");
  EXPECT_CALL(*feedback_, ListFeedback).WillOnce([&](auto) {
    return wor::client::MakeStreamRange<wor::v1::Feedback>({Item(false)});
  });
  EXPECT_CALL(*feedback_, AcknowledgeFeedback).Times(0);
  EXPECT_EQ(worker.HandleEvent(FeedbackEvent()).code(),
            absl::StatusCode::kUnavailable);
}

TEST_F(FeedbackWritebackTest, SkipsFeedbackAlreadyAcknowledgedAfterARestart) {
  ResumeTokenFile file(path_);
  FeedbackWriteback worker(wor::client::ReferralClient(referrals_),
                           wor::client::FeedbackClient(feedback_), &sink_,
                           &file, "01012345");
  EXPECT_CALL(*feedback_, ListFeedback).WillOnce([&](auto) {
    return wor::client::MakeStreamRange<wor::v1::Feedback>({Item(true)});
  });
  EXPECT_CALL(*feedback_, AcknowledgeFeedback).Times(0);
  EXPECT_TRUE(worker.HandleEvent(FeedbackEvent()).ok());
  EXPECT_TRUE(sink_.delivered.empty());
}

TEST_F(FeedbackWritebackTest, IgnoresEventsOtherThanFeedback) {
  ResumeTokenFile file(path_);
  FeedbackWriteback worker(wor::client::ReferralClient(referrals_),
                           wor::client::FeedbackClient(feedback_), &sink_,
                           &file, "01012345");
  wor::v1::ReferralEvent event = FeedbackEvent();
  event.set_type(wor::v1::REFERRAL_EVENT_TYPE_STATE_CHANGED);
  EXPECT_CALL(*feedback_, ListFeedback).Times(0);
  EXPECT_TRUE(worker.HandleEvent(event).ok());
}

TEST_F(FeedbackWritebackTest, TheResumeTokenFileKeepsTheLastToken) {
  ResumeTokenFile file(path_);
  EXPECT_EQ(*file.Load(), "");
  ASSERT_TRUE(file.Save("t1").ok());
  ASSERT_TRUE(file.Save("t2").ok());
  EXPECT_EQ(*ResumeTokenFile(path_).Load(), "t2");
}

}  // namespace
}  // namespace wor::plugin
