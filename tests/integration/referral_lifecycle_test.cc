// One referral from creation to completion over real gRPC, and the rules
// around it: exactly-once creates, etags, illegal transitions, deadlines.
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/time_conversion.h"
#include "tests/common/test_server.h"
#include "tests/integration/rpc_helpers.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ReferralLifecycle,
     CreateAssignsThePracticesWelfareOrganisationAndDeadlines) {
  TestServer server;  // Thursday 23 April 2026, 10:00 Amsterdam
  RpcResult<wor::v1::Referral> created =
      Create(server, ValidReferral(), "create-1");
  ASSERT_TRUE(created.status.ok()) << created.status.error_message();
  const wor::v1::Referral& r = created.value;
  EXPECT_THAT(r.name(), ::testing::StartsWith("referrals/"));
  EXPECT_EQ(r.state(), wor::v1::REFERRAL_STATE_REQUESTED);
  EXPECT_EQ(r.welfare_organisation(), "welfareOrganisations/41234567");
  EXPECT_EQ(r.region(), "regions/meppel");
  EXPECT_EQ(r.etag(), "r1");
  // King's Day (Mon 27 April) is skipped: target Tue 28 April, limit Fri 1 May.
  EXPECT_EQ(DateText(r.deadlines().first_contact_target().due_date()),
            "2026-04-28");
  EXPECT_EQ(DateText(r.deadlines().first_contact_limit().due_date()),
            "2026-05-01");
  EXPECT_EQ(FromTimestamp(r.deadlines().first_contact_limit().due_time()),
            TestInstant("2026-05-01T22:00:00Z"));
  EXPECT_EQ(DateText(r.deadlines().intake().due_date()), "2026-05-07");
  EXPECT_EQ(r.deadlines().intake().status(), wor::v1::DEADLINE_STATUS_PENDING);
}

TEST(ReferralLifecycle,
     RetryWithTheSameRequestIdAndBodyReturnsTheSameReferralOnce) {
  TestServer server;
  auto first = Create(server, ValidReferral(), "same-id");
  auto second = Create(server, ValidReferral(), "same-id");
  ASSERT_TRUE(first.status.ok());
  ASSERT_TRUE(second.status.ok()) << second.status.error_message();
  EXPECT_EQ(first.value.name(), second.value.name());
  auto listed = List(server, wor::v1::ListReferralsRequest());
  EXPECT_EQ(listed.value.referrals_size(), 1);
}

TEST(ReferralLifecycle, SameRequestIdWithAnotherBodyIsAlreadyExists) {
  TestServer server;
  ASSERT_TRUE(Create(server, ValidReferral(), "dup").status.ok());
  wor::v1::Referral other = ValidReferral();
  other.mutable_patient()->set_given_name("Piet");
  auto second = Create(server, other, "dup");
  EXPECT_EQ(second.status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(second.status.error_message(), HasSubstr("request_id"));
  EXPECT_EQ(
      List(server, wor::v1::ListReferralsRequest()).value.referrals_size(), 1);
}

TEST(ReferralLifecycle, WalksFromRequestedToCompletedWithFeedback) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "walk").value.name();

  auto accepted = Accept(server, name, "walk-accept");
  ASSERT_TRUE(accepted.status.ok()) << accepted.status.error_message();
  EXPECT_EQ(accepted.value.state(), wor::v1::REFERRAL_STATE_ACCEPTED);

  server.clock().Advance(absl::Hours(24));  // Friday 24 April
  auto no_answer =
      Contact(server, name, wor::v1::CONTACT_RESULT_NO_ANSWER, "walk-c1");
  ASSERT_TRUE(no_answer.status.ok()) << no_answer.status.error_message();
  EXPECT_EQ(no_answer.value.state(), wor::v1::REFERRAL_STATE_ACCEPTED);
  auto reached =
      Contact(server, name, wor::v1::CONTACT_RESULT_REACHED, "walk-c2");
  ASSERT_TRUE(reached.status.ok()) << reached.status.error_message();
  EXPECT_EQ(reached.value.state(), wor::v1::REFERRAL_STATE_CONTACTED);
  EXPECT_EQ(reached.value.contact_attempts_size(), 2);
  EXPECT_EQ(reached.value.deadlines().first_contact_target().status(),
            wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  EXPECT_EQ(reached.value.deadlines().first_contact_limit().status(),
            wor::v1::DEADLINE_STATUS_MET_ON_TIME);

  absl::Time intake_time = TestInstant("2026-04-30T08:00:00Z");
  auto scheduled = Schedule(server, name, intake_time, "walk-s1");
  ASSERT_TRUE(scheduled.status.ok()) << scheduled.status.error_message();
  EXPECT_EQ(scheduled.value.state(), wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
  auto rescheduled =
      Schedule(server, name, intake_time + absl::Hours(24), "walk-s2");
  ASSERT_TRUE(rescheduled.status.ok());
  EXPECT_EQ(rescheduled.value.intake().reschedule_count(), 1);

  server.clock().Set(intake_time + absl::Hours(25));
  auto held =
      RecordIntake(server, name, intake_time + absl::Hours(24), "walk-i");
  ASSERT_TRUE(held.status.ok()) << held.status.error_message();
  EXPECT_EQ(held.value.state(), wor::v1::REFERRAL_STATE_INTAKE_DONE);
  EXPECT_EQ(held.value.deadlines().intake().status(),
            wor::v1::DEADLINE_STATUS_MET_ON_TIME);

  auto after_intake = SendFeedback(
      server, name, wor::v1::FEEDBACK_KIND_AFTER_INTAKE, "walk-f1");
  ASSERT_TRUE(after_intake.status.ok()) << after_intake.status.error_message();

  auto unknown = ChooseActivity(server, name, "bingo", "", "walk-a0");
  EXPECT_EQ(unknown.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unknown.status.error_message(), HasSubstr("category"));
  auto activity = ChooseActivity(server, name, "movement_and_fun",
                                 "walking_group", "walk-a1");
  ASSERT_TRUE(activity.status.ok()) << activity.status.error_message();
  EXPECT_EQ(activity.value.state(), wor::v1::REFERRAL_STATE_IN_PROGRESS);

  auto closing_too_early =
      SendFeedback(server, name, wor::v1::FEEDBACK_KIND_AT_CLOSING, "walk-f2");
  EXPECT_EQ(closing_too_early.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  auto without_scores = Complete(server, name, false, "walk-x0");
  EXPECT_EQ(without_scores.status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(without_scores.status.error_message(), HasSubstr("scores"));
  auto completed = Complete(server, name, true, "walk-x1");
  ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
  EXPECT_EQ(completed.value.state(), wor::v1::REFERRAL_STATE_COMPLETED);
  EXPECT_EQ(completed.value.closing().outcome(),
            wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED);

  auto at_closing =
      SendFeedback(server, name, wor::v1::FEEDBACK_KIND_AT_CLOSING, "walk-f3");
  ASSERT_TRUE(at_closing.status.ok()) << at_closing.status.error_message();
  auto acked = Acknowledge(server, at_closing.value.name(), "walk-ack");
  ASSERT_TRUE(acked.status.ok()) << acked.status.error_message();
  EXPECT_TRUE(acked.value.has_acknowledge_time());

  wor::v1::ListFeedbackRequest list;
  list.set_parent(name);
  grpc::ClientContext context;
  wor::v1::ListFeedbackResponse feedback;
  ASSERT_TRUE(server.feedback().ListFeedback(&context, list, &feedback).ok());
  ASSERT_EQ(feedback.feedback_size(), 2);
  EXPECT_EQ(feedback.feedback(0).kind(), wor::v1::FEEDBACK_KIND_AFTER_INTAKE);

  // The access log never carries personal data or free text.
  std::string logs = server.logs();
  EXPECT_THAT(
      logs, HasSubstr("\"method\":\"wor.v1.IntakeService.CompleteReferral\""));
  for (const char* personal : {"Jan", "Vries", "98765432", "voorbeeld.nl",
                               "Hoofdstraat", "overleed", "Samenvatting"}) {
    EXPECT_THAT(logs, Not(HasSubstr(personal)));
  }
}

TEST(ReferralLifecycle, IllegalTransitionNamesTheStateAndTheAllowedVerbs) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "illegal").value.name();
  auto schedule =
      Schedule(server, name, TestInstant("2026-04-30T08:00:00Z"), "illegal-s");
  EXPECT_EQ(schedule.status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(
      schedule.status.error_message(),
      HasSubstr("ScheduleIntake is not allowed: the referral is REQUESTED"));
  EXPECT_THAT(
      schedule.status.error_message(),
      HasSubstr(
          "AcceptReferral, RejectReferral, PutReferralOnHold, CancelReferral"));

  ASSERT_TRUE(Cancel(server, name, "illegal-c").status.ok());
  auto accept = Accept(server, name, "illegal-a");
  EXPECT_EQ(accept.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(accept.status.error_message(),
              HasSubstr("the referral is CANCELLED"));
  EXPECT_THAT(accept.status.error_message(),
              HasSubstr("none: the referral is closed"));
}

TEST(ReferralLifecycle, StaleEtagIsAbortedAndChangesNothing) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "etag").value.name();
  ASSERT_TRUE(Accept(server, name, "etag-a", "r1").status.ok());
  auto stale = Reject(server, name, "etag-r", "r1");
  EXPECT_EQ(stale.status.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_THAT(stale.status.error_message(), HasSubstr("etag"));
  auto now = Get(server, name);
  EXPECT_EQ(now.value.state(), wor::v1::REFERRAL_STATE_ACCEPTED);
  EXPECT_EQ(now.value.etag(), "r2");
  auto malformed = Accept(server, name, "etag-m", "yesterday");
  EXPECT_EQ(malformed.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST(ReferralLifecycle, RetriedVerbReturnsTheFirstResultWithoutActingTwice) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "verb-retry").value.name();
  auto first = Accept(server, name, "verb-retry-a");
  auto again = Accept(server, name, "verb-retry-a");
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_EQ(first.value.etag(), again.value.etag());
  auto events = server.server().store().ReadEvents({}, 0, 100);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(events->size(), 2u);  // created + accepted, not accepted twice
}

TEST(ReferralLifecycle, HoldAndResumeReturnToTheStateItWasHeldIn) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "hold").value.name();
  ASSERT_TRUE(Accept(server, name, "hold-a").status.ok());
  auto held = Hold(server, name, "hold-h");
  ASSERT_TRUE(held.status.ok()) << held.status.error_message();
  EXPECT_EQ(held.value.state(), wor::v1::REFERRAL_STATE_ON_HOLD);
  EXPECT_EQ(held.value.held_state(), wor::v1::REFERRAL_STATE_ACCEPTED);
  EXPECT_EQ(held.value.hold_reason(), wor::v1::HOLD_REASON_PATIENT_REQUEST);
  auto resumed = Resume(server, name, "hold-r");
  ASSERT_TRUE(resumed.status.ok()) << resumed.status.error_message();
  EXPECT_EQ(resumed.value.state(), wor::v1::REFERRAL_STATE_ACCEPTED);
  EXPECT_EQ(resumed.value.held_state(), wor::v1::REFERRAL_STATE_UNSPECIFIED);
}

TEST(ReferralLifecycle, ContactAfterTheLimitIsAcceptedAndMarkedLate) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "late").value.name();
  ASSERT_TRUE(Accept(server, name, "late-a").status.ok());
  server.clock().Set(
      TestInstant("2026-05-04T08:00:00Z"));  // Monday after the limit
  auto reached =
      Contact(server, name, wor::v1::CONTACT_RESULT_REACHED, "late-c");
  ASSERT_TRUE(reached.status.ok()) << reached.status.error_message();
  EXPECT_EQ(reached.value.deadlines().first_contact_limit().status(),
            wor::v1::DEADLINE_STATUS_MET_LATE);
}

TEST(ReferralLifecycle, CancellingClosesTheOpenDeadlines) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "cancel").value.name();
  auto cancelled = Cancel(server, name, "cancel-c");
  ASSERT_TRUE(cancelled.status.ok());
  EXPECT_EQ(cancelled.value.deadlines().intake().status(),
            wor::v1::DEADLINE_STATUS_NOT_APPLICABLE);
  EXPECT_EQ(cancelled.value.cancellation_reason(),
            wor::v1::CANCELLATION_REASON_PATIENT_WITHDREW);
}

TEST(ReferralLifecycle, UnknownAndMalformedNamesAreRefused) {
  TestServer server;
  auto missing = Get(server, "referrals/0000000000000000");
  EXPECT_EQ(missing.status.error_code(), grpc::StatusCode::NOT_FOUND);
  auto malformed = Get(server, "patients/1");
  EXPECT_EQ(malformed.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(malformed.status.error_message(),
              HasSubstr("referrals/{referral_id}"));
}

// Deadlines of referrals made at other moments, against dates worked out by
// hand. The demo organisation works on Good Friday, is closed on 5 May only
// in lustrum years and closes on 24 December 2026.
struct DeadlineCase {
  const char* referral_time;
  const char* target;
  const char* limit;
  const char* limit_end;
  const char* intake;
};

class ReferralDeadlineTest : public ::testing::TestWithParam<DeadlineCase> {};

TEST_P(ReferralDeadlineTest, MatchesTheHandCalculation) {
  const DeadlineCase& c = GetParam();
  TestServer server(/*use_sqlite=*/false, TestInstant(c.referral_time));
  wor::v1::Referral input = ValidReferral();
  *input.mutable_consent()->mutable_obtain_time() =
      ToTimestamp(TestInstant(c.referral_time));
  auto created = Create(server, input, "deadline");
  ASSERT_TRUE(created.status.ok()) << created.status.error_message();
  const auto& d = created.value.deadlines();
  EXPECT_EQ(DateText(d.first_contact_target().due_date()), c.target);
  EXPECT_EQ(DateText(d.first_contact_limit().due_date()), c.limit);
  EXPECT_EQ(FromTimestamp(d.first_contact_limit().due_time()),
            TestInstant(c.limit_end));
  EXPECT_EQ(DateText(d.intake().due_date()), c.intake);
}

INSTANTIATE_TEST_SUITE_P(
    AcrossHolidaysAndDst, ReferralDeadlineTest,
    ::testing::Values(
        // Fri 23 Oct 2026 16:55 CEST: counting starts Monday; DST ends Sun 25
        // Oct, so the limit day ends at 23:00 UTC. Intake 6 Nov (Friday).
        DeadlineCase{"2026-10-23T14:55:00Z", "2026-10-27", "2026-10-30",
                     "2026-10-30T23:00:00Z", "2026-11-06"},
        // Wed 1 Apr 2026: Good Friday 3 Apr is a working day for this
        // organisation, Easter Monday 6 Apr is not. Intake 15 Apr.
        DeadlineCase{"2026-04-01T09:00:00Z", "2026-04-03", "2026-04-09",
                     "2026-04-09T22:00:00Z", "2026-04-15"},
        // Mon 21 Dec 2026: 24 Dec (closing day) and 25 Dec skipped; the
        // intake term ends Mon 4 Jan 2027.
        DeadlineCase{"2026-12-21T09:00:00Z", "2026-12-23", "2026-12-30",
                     "2026-12-30T23:00:00Z", "2027-01-04"},
        // Sat 28 Mar 2026 23:30 CET is already Sunday 29 Mar locally (the
        // day DST starts); counting from Monday 30 Mar. Intake Sun 12 Apr
        // extends to Mon 13 Apr.
        DeadlineCase{"2026-03-28T23:30:00Z", "2026-03-31", "2026-04-03",
                     "2026-04-03T22:00:00Z", "2026-04-13"},
        // Mon 21 Apr 2025: King's Day falls on Saturday 26 Apr 2025; 5 May
        // 2025 is a lustrum year, so closed. Intake 5 May → 6 May.
        DeadlineCase{"2025-04-21T09:00:00Z", "2025-04-23", "2025-04-28",
                     "2025-04-28T22:00:00Z", "2025-05-06"}));

}  // namespace
}  // namespace wor::server

namespace wor::server {
namespace {

TEST(ReferralDisclosure, TheBsnIsStoredButNeverReturnedOnAnyPath) {
  TestServer server;
  wor::v1::Referral input = ValidReferral();
  input.set_route(wor::v1::REFERRAL_ROUTE_ZORGDOMEIN);
  input.mutable_patient()->set_bsn("111222333");
  auto created = Create(server, input, "bsn");
  ASSERT_TRUE(created.status.ok()) << created.status.error_message();
  EXPECT_TRUE(created.value.patient().bsn().empty());
  auto replayed = Create(server, input, "bsn");
  EXPECT_TRUE(replayed.value.patient().bsn().empty());
  std::string name = created.value.name();
  EXPECT_TRUE(Get(server, name).value.patient().bsn().empty());
  EXPECT_TRUE(Accept(server, name, "bsn-a").value.patient().bsn().empty());
  auto listed = List(server, wor::v1::ListReferralsRequest());
  ASSERT_EQ(listed.value.referrals_size(), 1);
  EXPECT_TRUE(listed.value.referrals(0).patient().bsn().empty());

  grpc::ClientContext context;
  auto reader = server.referrals().WatchReferrals(
      &context, wor::v1::WatchReferralsRequest());
  wor::v1::WatchReferralsResponse message;
  ASSERT_TRUE(reader->Read(&message));
  EXPECT_TRUE(message.event().referral().patient().bsn().empty());
  context.TryCancel();
  reader->Finish().IgnoreError();

  // Stored all the same, for the route that needs it.
  auto stored = server.server().store().ListReferrals({}, 0, 1);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ((*stored)[0].referral.patient().bsn(), "111222333");
}

}  // namespace
}  // namespace wor::server
