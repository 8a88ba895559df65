// Coach availability and intake booking over real gRPC: publishing
// availability, proposed slots, booking with a coach, double booking,
// rescheduling, cancelling, no-shows, late bookings with a coded reason, a
// coordinator booking for a named coach, and availability kept from other
// organisations.
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/wor_server.h"
#include "server/domain/time_conversion.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"
#include "tests/integration/rpc_helpers.h"
#include "tests/integration/two_organisations_fixture.h"
#include "wor/v1/audit_service.grpc.pb.h"
#include "wor/v1/intake_service.grpc.pb.h"
#include "wor/v1/referral_service.grpc.pb.h"
#include "wor/v1/scheduling_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kCoach[] =
    "welfareOrganisations/41234567/coaches/coach-41234567";
constexpr char kColleague[] = "welfareOrganisations/41234567/coaches/coach-2";

// Booking across two organisations (two_organisations_fixture.h), at
// Thursday 23 April 2026, 10:00 in Amsterdam. The intake deadline of a
// referral made then is the end of Thursday 7 May (22:00 UTC).
class IntakeScheduling : public TwoOrganisationsTest {
 protected:
  std::unique_ptr<wor::v1::IntakeService::Stub> Intake(
      const TestIdentity& who = CoachOf()) {
    return wor::v1::IntakeService::NewStub(ChannelWithIdentity(target_, who));
  }
  std::unique_ptr<wor::v1::SchedulingService::Stub> Scheduling(
      const TestIdentity& who = CoachOf()) {
    return wor::v1::SchedulingService::NewStub(
        ChannelWithIdentity(target_, who));
  }

  // A referral from the demo practice, accepted and contacted.
  std::string ContactedReferral(const std::string& tag) {
    auto referrals = wor::v1::ReferralService::NewStub(
        ChannelWithIdentity(target_, GpOfPractice()));
    wor::v1::CreateReferralRequest create;
    *create.mutable_referral() = ValidReferral();
    create.set_request_id(absl::StrCat("create-", tag));
    auto created = WOR_UNARY(*referrals, CreateReferral, create, referral);
    EXPECT_TRUE(created.status.ok()) << created.status.error_message();
    const std::string name = created.value.name();

    auto coach_referrals = wor::v1::ReferralService::NewStub(
        ChannelWithIdentity(target_, CoachOf()));
    wor::v1::AcceptReferralRequest accept;
    accept.set_name(name);
    accept.set_request_id(absl::StrCat("accept-", tag));
    auto accepted =
        WOR_UNARY(*coach_referrals, AcceptReferral, accept, referral);
    EXPECT_TRUE(accepted.status.ok()) << accepted.status.error_message();
    wor::v1::RecordContactAttemptRequest contact;
    contact.set_name(name);
    contact.mutable_attempt()->set_channel(wor::v1::CONTACT_CHANNEL_PHONE);
    contact.mutable_attempt()->set_result(wor::v1::CONTACT_RESULT_REACHED);
    *contact.mutable_attempt()->mutable_attempt_time() =
        ToTimestamp(clock_.Now());
    contact.set_request_id(absl::StrCat("contact-", tag));
    auto intake = Intake();
    auto contacted =
        WOR_UNARY(*intake, RecordContactAttempt, contact, referral);
    EXPECT_EQ(contacted.value.state(), wor::v1::REFERRAL_STATE_CONTACTED)
        << contacted.status.error_message();
    return name;
  }

  RpcResult<wor::v1::CoachAvailability> Publish(
      const std::string& coach, const wor::v1::CoachAvailability& hours,
      const TestIdentity& who = CoachOf()) {
    wor::v1::UpdateCoachAvailabilityRequest q;
    *q.mutable_availability() = hours;
    q.mutable_availability()->set_name(absl::StrCat(coach, "/availability"));
    auto stub = Scheduling(who);
    return WOR_UNARY(*stub, UpdateCoachAvailability, q, availability);
  }

  RpcResult<wor::v1::CoachAvailability> Read(
      const std::string& coach, const TestIdentity& who = CoachOf()) {
    wor::v1::GetCoachAvailabilityRequest q;
    q.set_name(absl::StrCat(coach, "/availability"));
    auto stub = Scheduling(who);
    return WOR_UNARY(*stub, GetCoachAvailability, q, availability);
  }

  RpcResult<wor::v1::FindIntakeSlotsResponse> FindSlots(
      const std::string& name, int max_slots,
      const TestIdentity& who = CoachOf(), const std::string& coach = "") {
    wor::v1::FindIntakeSlotsRequest q;
    q.set_name(name);
    q.set_max_slots(max_slots);
    q.set_coach(coach);
    auto stub = Intake(who);
    grpc::ClientContext context;
    wor::v1::FindIntakeSlotsResponse response;
    grpc::Status status = stub->FindIntakeSlots(&context, q, &response);
    return {status, response};
  }

  RpcResult<wor::v1::Referral> Book(const std::string& name, absl::Time when,
                                    const std::string& request_id,
                                    wor::v1::IntakeLateReason late_reason =
                                        wor::v1::INTAKE_LATE_REASON_UNSPECIFIED,
                                    const TestIdentity& who = CoachOf(),
                                    const std::string& coach = "") {
    wor::v1::ScheduleIntakeRequest q;
    q.set_name(name);
    *q.mutable_scheduled_time() = ToTimestamp(when);
    q.set_location(wor::v1::INTAKE_LOCATION_NEIGHBOURHOOD_CENTRE);
    q.set_late_reason(late_reason);
    q.set_coach(coach);
    q.set_request_id(request_id);
    auto stub = Intake(who);
    return WOR_UNARY(*stub, ScheduleIntake, q, referral);
  }

  RpcResult<wor::v1::Referral> CancelBooking(
      const std::string& name, const std::string& request_id,
      wor::v1::IntakeCancelledBy by = wor::v1::INTAKE_CANCELLED_BY_PATIENT) {
    wor::v1::CancelIntakeRequest q;
    q.set_name(name);
    q.set_cancelled_by(by);
    q.set_request_id(request_id);
    auto stub = Intake();
    return WOR_UNARY(*stub, CancelIntake, q, referral);
  }

  RpcResult<wor::v1::Referral> NoShow(const std::string& name,
                                      const std::string& request_id) {
    wor::v1::RecordIntakeNoShowRequest q;
    q.set_name(name);
    q.set_request_id(request_id);
    auto stub = Intake();
    return WOR_UNARY(*stub, RecordIntakeNoShow, q, referral);
  }

  RpcResult<wor::v1::Referral> ReadReferral(const std::string& name) {
    auto stub = wor::v1::ReferralService::NewStub(
        ChannelWithIdentity(target_, CoachOf()));
    wor::v1::GetReferralRequest q;
    q.set_name(name);
    return WOR_UNARY(*stub, GetReferral, q, referral);
  }
};

// Monday to Friday, 09:00-12:00 local.
wor::v1::CoachAvailability Mornings() {
  wor::v1::CoachAvailability a;
  for (int day = wor::v1::WEEKDAY_MONDAY; day <= wor::v1::WEEKDAY_FRIDAY;
       ++day) {
    wor::v1::WeeklyHours* hours = a.add_weekly_hours();
    hours->set_weekday(static_cast<wor::v1::Weekday>(day));
    hours->mutable_hours()->set_start_minute(9 * 60);
    hours->mutable_hours()->set_end_minute(12 * 60);
  }
  return a;
}

TEST_F(IntakeScheduling, ACoachPublishesAvailabilityFindsSlotsAndBooksOne) {
  auto never = Read(kCoach);
  ASSERT_TRUE(never.status.ok()) << never.status.error_message();
  EXPECT_EQ(never.value.weekly_hours_size(), 0);
  EXPECT_EQ(never.value.etag(), "r0");

  auto published = Publish(kCoach, Mornings());
  ASSERT_TRUE(published.status.ok()) << published.status.error_message();
  EXPECT_EQ(published.value.etag(), "r1");
  EXPECT_EQ(published.value.name(), absl::StrCat(kCoach, "/availability"));
  auto read = Read(kCoach);
  EXPECT_EQ(read.value.weekly_hours_size(), 5);
  EXPECT_EQ(read.value.etag(), "r1");

  const std::string name = ContactedReferral("a");
  auto slots = FindSlots(name, 3);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  ASSERT_EQ(slots.value.slots_size(), 3);
  // Thursday 10:00 and 11:00 local, then Friday 09:00.
  EXPECT_EQ(FromTimestamp(slots.value.slots(0).start_time()),
            TestInstant("2026-04-23T08:00:00Z"));
  EXPECT_EQ(FromTimestamp(slots.value.slots(1).start_time()),
            TestInstant("2026-04-23T09:00:00Z"));
  EXPECT_EQ(FromTimestamp(slots.value.slots(2).start_time()),
            TestInstant("2026-04-24T07:00:00Z"));
  EXPECT_EQ(FromTimestamp(slots.value.slots(2).end_time()),
            TestInstant("2026-04-24T08:00:00Z"));
  EXPECT_EQ(slots.value.slots(0).coach(), kCoach);
  EXPECT_TRUE(slots.value.slots(2).meets_deadline());
  EXPECT_EQ(FromTimestamp(slots.value.intake_due_time()),
            TestInstant("2026-05-07T22:00:00Z"));

  auto booked = Book(name, TestInstant("2026-04-23T09:00:00Z"), "book-a");
  ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
  const wor::v1::Referral& r = booked.value;
  EXPECT_EQ(r.state(), wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
  EXPECT_EQ(r.intake().coach(), kCoach);
  EXPECT_EQ(r.assigned_coach(), kCoach);
  EXPECT_EQ(r.intake().status(), wor::v1::APPOINTMENT_STATUS_BOOKED);
  EXPECT_EQ(FromTimestamp(r.intake().end_time()),
            TestInstant("2026-04-23T10:00:00Z"));
  EXPECT_EQ(r.intake().late_reason(), wor::v1::INTAKE_LATE_REASON_UNSPECIFIED);

  // Another referral is no longer offered the booked hour.
  const std::string other = ContactedReferral("b");
  auto after = FindSlots(other, 2);
  ASSERT_TRUE(after.status.ok());
  ASSERT_EQ(after.value.slots_size(), 2);
  EXPECT_EQ(FromTimestamp(after.value.slots(1).start_time()),
            TestInstant("2026-04-24T07:00:00Z"));
}

TEST_F(IntakeScheduling, AnInvalidAvailabilityIsRefusedNamingTheField) {
  wor::v1::CoachAvailability hours = Mornings();
  hours.mutable_weekly_hours(2)->mutable_hours()->set_end_minute(605);
  auto refused = Publish(kCoach, hours);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("availability.weekly_hours[2].hours.end_minute"));
}

TEST_F(IntakeScheduling, AStaleAvailabilityEtagIsAborted) {
  ASSERT_TRUE(Publish(kCoach, Mornings()).status.ok());
  wor::v1::CoachAvailability stale = Mornings();
  stale.set_etag("r0");
  EXPECT_EQ(Publish(kCoach, stale).status.error_code(),
            grpc::StatusCode::ABORTED);
  stale.set_etag("r1");
  EXPECT_TRUE(Publish(kCoach, stale).status.ok());
}

TEST_F(IntakeScheduling, DoubleBookingTheCoachIsRefusedWithWhatToDo) {
  const std::string first = ContactedReferral("a");
  const std::string second = ContactedReferral("b");
  const absl::Time ten = TestInstant("2026-04-28T08:00:00Z");
  ASSERT_TRUE(Book(first, ten, "book-1").status.ok());
  auto clash = Book(second, ten + absl::Minutes(30), "book-2");
  EXPECT_EQ(clash.status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(clash.status.error_message(), HasSubstr("FindIntakeSlots"));
  EXPECT_THAT(clash.status.error_message(), HasSubstr("10:00"));
  EXPECT_THAT(clash.status.error_message(), Not(HasSubstr("Vries")));
  // Right after it is free.
  auto next = Book(second, ten + absl::Minutes(60), "book-3");
  EXPECT_TRUE(next.status.ok()) << next.status.error_message();
}

TEST_F(IntakeScheduling, RescheduleMayOverlapItsOwnSlotAndCountsUp) {
  const std::string name = ContactedReferral("a");
  const absl::Time ten = TestInstant("2026-04-28T08:00:00Z");
  ASSERT_TRUE(Book(name, ten, "book-1").status.ok());
  auto moved = Book(name, ten + absl::Minutes(30), "book-2");
  ASSERT_TRUE(moved.status.ok()) << moved.status.error_message();
  EXPECT_EQ(moved.value.intake().reschedule_count(), 1);
  EXPECT_EQ(FromTimestamp(moved.value.intake().scheduled_time()),
            ten + absl::Minutes(30));
  // The old time is free for someone else.
  const std::string other = ContactedReferral("b");
  EXPECT_EQ(Book(other, ten - absl::Minutes(30), "book-3").status.error_code(),
            grpc::StatusCode::OK);
}

TEST_F(IntakeScheduling, CancellingFreesTheSlotAndRecordsWhoCancelled) {
  const std::string name = ContactedReferral("a");
  const absl::Time ten = TestInstant("2026-04-28T08:00:00Z");
  ASSERT_TRUE(Book(name, ten, "book-1").status.ok());
  auto unset =
      CancelBooking(name, "cancel-0", wor::v1::INTAKE_CANCELLED_BY_UNSPECIFIED);
  EXPECT_EQ(unset.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unset.status.error_message(), HasSubstr("cancelled_by"));

  auto cancelled = CancelBooking(name, "cancel-1");
  ASSERT_TRUE(cancelled.status.ok()) << cancelled.status.error_message();
  EXPECT_EQ(cancelled.value.state(), wor::v1::REFERRAL_STATE_CONTACTED);
  EXPECT_EQ(cancelled.value.intake().status(),
            wor::v1::APPOINTMENT_STATUS_CANCELLED);
  EXPECT_EQ(cancelled.value.intake().cancelled_by(),
            wor::v1::INTAKE_CANCELLED_BY_PATIENT);
  // Cancelling again is not a verb of CONTACTED.
  EXPECT_EQ(CancelBooking(name, "cancel-2").status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  const std::string other = ContactedReferral("b");
  EXPECT_TRUE(Book(other, ten, "book-2").status.ok());
  // Booking again after a cancellation is not a reschedule.
  auto again = Book(name, ten + absl::Hours(2), "book-3");
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_EQ(again.value.intake().reschedule_count(), 0);
  EXPECT_EQ(again.value.intake().status(), wor::v1::APPOINTMENT_STATUS_BOOKED);
}

TEST_F(IntakeScheduling, ANoShowIsRecordedAfterTheStartAndTheIntakeRebooked) {
  const std::string name = ContactedReferral("a");
  const absl::Time ten = TestInstant("2026-04-28T08:00:00Z");
  ASSERT_TRUE(Book(name, ten, "book-1").status.ok());
  auto early = NoShow(name, "noshow-0");
  EXPECT_EQ(early.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  clock_.Set(ten + absl::Minutes(20));
  auto missed = NoShow(name, "noshow-1");
  ASSERT_TRUE(missed.status.ok()) << missed.status.error_message();
  EXPECT_EQ(missed.value.state(), wor::v1::REFERRAL_STATE_CONTACTED);
  EXPECT_EQ(missed.value.intake().status(), wor::v1::APPOINTMENT_STATUS_NOSHOW);
  EXPECT_EQ(missed.value.intake().no_show_count(), 1);

  const absl::Time again = TestInstant("2026-04-30T08:00:00Z");
  auto rebooked = Book(name, again, "book-2");
  ASSERT_TRUE(rebooked.status.ok()) << rebooked.status.error_message();
  EXPECT_EQ(rebooked.value.intake().no_show_count(), 1);

  clock_.Set(again + absl::Hours(2));
  wor::v1::RecordIntakeRequest held;
  held.set_name(name);
  *held.mutable_held_time() = ToTimestamp(again);
  *held.mutable_scores() = Scores(6);
  held.set_request_id("held");
  auto stub = Intake();
  auto done = WOR_UNARY(*stub, RecordIntake, held, referral);
  ASSERT_TRUE(done.status.ok()) << done.status.error_message();
  EXPECT_EQ(done.value.intake().status(),
            wor::v1::APPOINTMENT_STATUS_FULFILLED);
}

TEST_F(IntakeScheduling, ALateBookingNeedsACodedReasonWhichIsRecorded) {
  const std::string name = ContactedReferral("a");
  // The deadline is the end of Thursday 7 May: 22:00 UTC is already late.
  const absl::Time at_due = TestInstant("2026-05-07T22:00:00Z");
  auto refused = Book(name, at_due, "late-1");
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("late_reason"));
  EXPECT_THAT(refused.status.error_message(), HasSubstr("2026-05-07"));

  auto late = Book(name, TestInstant("2026-05-11T08:00:00Z"), "late-2",
                   wor::v1::INTAKE_LATE_REASON_PATIENT_WISH);
  ASSERT_TRUE(late.status.ok()) << late.status.error_message();
  EXPECT_EQ(late.value.intake().late_reason(),
            wor::v1::INTAKE_LATE_REASON_PATIENT_WISH);
  auto seen = ReadReferral(name);
  ASSERT_TRUE(seen.status.ok()) << seen.status.error_message();
  EXPECT_EQ(seen.value.intake().late_reason(),
            wor::v1::INTAKE_LATE_REASON_PATIENT_WISH);

  // Moved back before the deadline, no reason is kept.
  auto on_time = Book(name, at_due - absl::Hours(13), "late-3",
                      wor::v1::INTAKE_LATE_REASON_PATIENT_WISH);
  ASSERT_TRUE(on_time.status.ok()) << on_time.status.error_message();
  EXPECT_EQ(on_time.value.intake().late_reason(),
            wor::v1::INTAKE_LATE_REASON_UNSPECIFIED);
}

TEST_F(IntakeScheduling, SlotsAfterTheDeadlineAreMarkedWhenTheCoachIsFull) {
  // Only Friday 8 May, after the deadline, is available.
  wor::v1::CoachAvailability hours;
  auto* friday = hours.add_exceptions();
  *friday->mutable_date() = ToLocalDate(absl::CivilDay(2026, 5, 8));
  friday->add_hours()->set_start_minute(9 * 60);
  friday->mutable_hours(0)->set_end_minute(10 * 60);
  ASSERT_TRUE(Publish(kCoach, hours).status.ok());
  const std::string name = ContactedReferral("a");
  auto slots = FindSlots(name, 5);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  ASSERT_EQ(slots.value.slots_size(), 1);
  EXPECT_FALSE(slots.value.slots(0).meets_deadline());
}

TEST_F(IntakeScheduling, ACoordinatorBooksForANamedCoachOfTheOrganisation) {
  const std::string name = ContactedReferral("a");
  const absl::Time ten = TestInstant("2026-04-28T08:00:00Z");
  auto unnamed = Book(name, ten, "coord-1",
                      wor::v1::INTAKE_LATE_REASON_UNSPECIFIED, CoordinatorOf());
  EXPECT_EQ(unnamed.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unnamed.status.error_message(), HasSubstr("coach"));

  auto elsewhere =
      Book(name, ten, "coord-2", wor::v1::INTAKE_LATE_REASON_UNSPECIFIED,
           CoordinatorOf(),
           absl::StrCat("welfareOrganisations/", kOtherOrganisation,
                        "/coaches/coach-9"));
  EXPECT_EQ(elsewhere.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(elsewhere.status.error_message(), HasSubstr("coach:"));

  ASSERT_TRUE(Publish(kColleague, Mornings(), CoordinatorOf()).status.ok());
  auto slots = FindSlots(name, 1, CoordinatorOf(), kColleague);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  ASSERT_EQ(slots.value.slots_size(), 1);
  EXPECT_EQ(slots.value.slots(0).coach(), kColleague);

  auto booked =
      Book(name, ten, "coord-3", wor::v1::INTAKE_LATE_REASON_UNSPECIFIED,
           CoordinatorOf(), kColleague);
  ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
  EXPECT_EQ(booked.value.intake().coach(), kColleague);
  EXPECT_EQ(booked.value.assigned_coach(), kColleague);
  // The calling coach is not the one booked: their own hour is still free.
  const std::string other = ContactedReferral("b");
  EXPECT_TRUE(Book(other, ten, "coach-1").status.ok());
}

TEST_F(IntakeScheduling, OthersCannotReadOrChangeACoachsAvailability) {
  ASSERT_TRUE(Publish(kCoach, Mornings()).status.ok());
  const TestIdentity outsider = CoachOf(kOtherOrganisation);
  const TestIdentity outside_coordinator = CoordinatorOf(kOtherOrganisation);
  const TestIdentity colleague{"kvk:41234567", "coach-2",
                               wor::v1::USER_ROLE_COACH, ""};
  for (const TestIdentity& who : {outsider, outside_coordinator, colleague}) {
    auto read = Read(kCoach, who);
    EXPECT_EQ(read.status.error_code(), grpc::StatusCode::NOT_FOUND)
        << who.user;
    auto write = Publish(kCoach, wor::v1::CoachAvailability(), who);
    EXPECT_EQ(write.status.error_code(), grpc::StatusCode::NOT_FOUND)
        << who.user;
  }
  // A name that does not exist reads the same as one out of reach.
  const std::string unknown =
      absl::StrCat("welfareOrganisations/", "40000000", "/coaches/nobody");
  EXPECT_EQ(Read(unknown, outsider).status.error_message(),
            absl::StrCat(unknown,
                         "/availability was not found; a coach "
                         "manages their own availability, a "
                         "coordinator that of the coaches of their "
                         "own organisation"));
  // Nothing changed, and the coordinator of the coach's own organisation
  // reads it.
  auto kept = Read(kCoach, CoordinatorOf());
  ASSERT_TRUE(kept.status.ok()) << kept.status.error_message();
  EXPECT_EQ(kept.value.weekly_hours_size(), 5);
  EXPECT_EQ(kept.value.etag(), "r1");
  // The denied attempts are in the audit log.
  auto audit = wor::v1::AuditService::NewStub(
      ChannelWithIdentity(target_, PrivacyOfficer()));
  wor::v1::ListAuditRecordsRequest list;
  list.set_user(outsider.user);
  list.set_page_size(1000);
  grpc::ClientContext context;
  wor::v1::ListAuditRecordsResponse records;
  ASSERT_TRUE(audit->ListAuditRecords(&context, list, &records).ok());
  int denied = 0;
  for (const wor::v1::AuditRecord& record : records.records()) {
    if (record.outcome() == wor::v1::AUDIT_OUTCOME_DENIED &&
        absl::StartsWith(record.method(), "wor.v1.SchedulingService.")) {
      ++denied;
    }
  }
  EXPECT_EQ(denied, 3);  // read, update, and the unknown name
}

TEST_F(IntakeScheduling, FindingSlotsOnAnotherOrganisationsReferralIsNotFound) {
  const std::string name = ContactedReferral("a");
  auto slots = FindSlots(name, 1, CoachOf(kOtherOrganisation));
  EXPECT_EQ(slots.status.error_code(), grpc::StatusCode::NOT_FOUND);
  auto missing =
      FindSlots("referrals/0000000000000000", 1, CoachOf(kOtherOrganisation));
  EXPECT_EQ(missing.status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(IntakeScheduling, FindingSlotsIsAuditedAsAReadOfTheReferral) {
  const std::string name = ContactedReferral("a");
  ASSERT_TRUE(FindSlots(name, 1).status.ok());
  EXPECT_EQ(FindSlots(name, 1, CoachOf(kOtherOrganisation)).status.error_code(),
            grpc::StatusCode::NOT_FOUND);

  auto audit = wor::v1::AuditService::NewStub(
      ChannelWithIdentity(target_, PrivacyOfficer()));
  wor::v1::ListAuditRecordsRequest list;
  list.set_referral(name);
  list.set_page_size(1000);
  grpc::ClientContext context;
  wor::v1::ListAuditRecordsResponse records;
  ASSERT_TRUE(audit->ListAuditRecords(&context, list, &records).ok());
  int allowed = 0;
  int denied = 0;
  for (const wor::v1::AuditRecord& record : records.records()) {
    if (record.method() != "wor.v1.IntakeService.FindIntakeSlots") continue;
    EXPECT_EQ(record.event(), wor::v1::AUDIT_EVENT_TYPE_READ);
    EXPECT_THAT(record.objects(), ::testing::Contains(name));
    if (record.outcome() == wor::v1::AUDIT_OUTCOME_ALLOWED) ++allowed;
    if (record.outcome() == wor::v1::AUDIT_OUTCOME_DENIED) ++denied;
  }
  EXPECT_EQ(allowed, 1);
  EXPECT_EQ(denied, 1);
}

}  // namespace
}  // namespace wor::server
