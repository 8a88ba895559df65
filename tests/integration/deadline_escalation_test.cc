// The deadline engine through a real server on SQLite, driven by the fake
// clock: weeks of simulated time in 15-minute steps across Easter, King's
// Day, Ascension, Whit Monday, Christmas and both DST switches, with the
// escalation scanner run at every step and the server restarted halfway.
// Every due date and every notice is compared with an independent
// calculation (tests/domain/reference_working_days.h, which shares no code
// with the server): each notice exactly once, at the expected instant, and
// never outside office hours.
#include <chrono>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/time_conversion.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"
#include "tests/domain/reference_working_days.h"
#include "tests/integration/rpc_helpers.h"

namespace wor::server {
namespace {

namespace ref = ::wor::server::reference;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

// The demo region's welfare organisation (deploy/config/demo.textproto):
// works on Good Friday, closed on 5 May in lustrum years, closed 24-12-2026.
ref::ReferenceCalendar DemoCalendar() {
  ref::ReferenceRules rules;
  rules.good_friday_closed = false;
  rules.liberation_day = ref::LiberationDayRule::kLustrumYearsOnly;
  rules.extra_closing_days.push_back(
      sys_days(std::chrono::year{2026} / 12 / 24));
  return ref::ReferenceCalendar(rules);
}

sys_seconds ToSys(absl::Time t) {
  return sys_seconds(std::chrono::seconds(absl::ToUnixSeconds(t)));
}
absl::Time FromSys(sys_seconds t) {
  return absl::FromUnixSeconds(t.time_since_epoch().count());
}
sys_days ToSysDays(const wor::v1::LocalDate& d) {
  return sys_days(std::chrono::year{d.year()} /
                  static_cast<unsigned>(d.month()) /
                  static_cast<unsigned>(d.day()));
}
// Local wall-clock time on a day, as an instant.
sys_seconds LocalAt(sys_days day, int hour, int minute = 0) {
  return ref::FromAmsterdamWallClock(
      std::chrono::local_seconds(day.time_since_epoch()) +
      std::chrono::hours(hour) + std::chrono::minutes(minute));
}

// Office hours by the reference: a working day, 09:00 to 17:00 local.
bool InOfficeHours(const ref::ReferenceCalendar& calendar, sys_seconds t) {
  const sys_days day = ref::AmsterdamLocalDay(t);
  return calendar.IsWorkingDay(day) && t >= LocalAt(day, 9) &&
         t < LocalAt(day, 17);
}

constexpr absl::Duration kStep = absl::Minutes(15);

// The first scan instant (on the 15-minute grid from `grid_start`) at or
// after `t` that falls in office hours: when a notice due at `t` goes out.
sys_seconds FirstOfficeScanAtOrAfter(const ref::ReferenceCalendar& calendar,
                                     sys_seconds grid_start, sys_seconds t) {
  const auto step = std::chrono::minutes(15);
  sys_seconds scan = grid_start;
  if (t > scan)
    scan += ((t - scan + step - std::chrono::seconds(1)) / step) * step;
  while (!InOfficeHours(calendar, scan)) scan += step;
  return scan;
}

using NoticeKey =
    std::tuple<std::string, wor::v1::DeadlineKind, wor::v1::ReferralEventType>;

// Every notice in the outbox: (referral, deadline, type) → event times.
std::map<NoticeKey, std::vector<absl::Time>> NoticesInOutbox(
    TestServer& server) {
  std::map<NoticeKey, std::vector<absl::Time>> notices;
  auto events = server.server().store().ReadEvents(EventFilter{}, 0, 1000000);
  EXPECT_TRUE(events.ok()) << events.status();
  if (!events.ok()) return notices;
  for (const StoredEvent& stored : *events) {
    const wor::v1::ReferralEvent& e = stored.event;
    if (e.type() != wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK &&
        e.type() != wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED) {
      continue;
    }
    notices[{e.referral().name(), e.deadline_notice().deadline(), e.type()}]
        .push_back(FromTimestamp(e.event_time()));
  }
  return notices;
}

void ScanNow(TestServer& server) {
  auto report = server.server().deadline_scanner().ScanOnce();
  ASSERT_TRUE(report.ok()) << report.status();
}

struct Simulation {
  const char* name;
  // A Monday; referrals are made during its week, then 7 weeks run.
  sys_days monday;
};

void PrintTo(const Simulation& simulation, std::ostream* os) {
  *os << simulation.name;
}

class WeeksOfSimulatedTime : public ::testing::TestWithParam<Simulation> {};

TEST_P(WeeksOfSimulatedTime, DueDatesAndNoticesMatchTheIndependentCalculation) {
  const ref::ReferenceCalendar calendar = DemoCalendar();
  const sys_days monday = GetParam().monday;
  const sys_seconds grid_start = LocalAt(monday, 0);
  // Referral moments of the first week, in local time: office hours, a
  // Friday 16:55, the weekend, and late evenings around midnight.
  const std::vector<sys_seconds> moments = {
      LocalAt(monday, 10),
      LocalAt(monday + std::chrono::days(1), 23, 30),
      LocalAt(monday + std::chrono::days(2), 16, 55),
      LocalAt(monday + std::chrono::days(4), 16, 55),
      LocalAt(monday + std::chrono::days(5), 11, 0),
      LocalAt(monday + std::chrono::days(6), 23, 30),
  };
  TestServer server(/*use_sqlite=*/true, FromSys(grid_start));
  std::map<std::string, sys_seconds> created_at;
  const sys_seconds end = grid_start + std::chrono::weeks(7);
  const sys_seconds restart_at = grid_start + std::chrono::days(17);
  size_t next_moment = 0;
  for (sys_seconds now = grid_start; now < end;
       now += std::chrono::minutes(15)) {
    // Referrals made between the previous step and this one.
    while (next_moment < moments.size() && moments[next_moment] <= now) {
      server.clock().Set(FromSys(moments[next_moment]));
      wor::v1::Referral referral = ValidReferral();
      *referral.mutable_consent()->mutable_obtain_time() =
          ToTimestamp(FromSys(moments[next_moment]) - absl::Minutes(5));
      auto made = Create(server, referral, absl::StrCat("sim-", next_moment));
      ASSERT_TRUE(made.status.ok()) << made.status.error_message();
      created_at[made.value.name()] = moments[next_moment];
      ++next_moment;
    }
    if (now == restart_at) server.Restart();
    server.clock().Set(FromSys(now));
    ScanNow(server);
  }

  const auto notices = NoticesInOutbox(server);
  // No notice outside office hours, none twice.
  for (const auto& [key, times] : notices) {
    EXPECT_EQ(times.size(), 1u)
        << std::get<0>(key) << " deadline " << std::get<1>(key) << " type "
        << std::get<2>(key) << " was sent " << times.size() << " times";
    for (absl::Time t : times) {
      EXPECT_TRUE(InOfficeHours(calendar, ToSys(t)))
          << "notice at " << ref::FormatInstant(ToSys(t));
    }
  }

  const ref::ReferenceTerms terms;  // the demo region's: 2, 5, 14
  int expected_notices = 0;
  for (const auto& [name, created] : created_at) {
    SCOPED_TRACE(absl::StrCat(name, " made ", ref::FormatInstant(created)));
    const ref::ReferenceDueDates due =
        ref::ReferenceDueDatesFor(calendar, terms, created);
    auto got = Get(server, name);
    ASSERT_TRUE(got.status.ok());
    const wor::v1::ReferralDeadlines& d = got.value.deadlines();
    EXPECT_EQ(ToSysDays(d.first_contact_target().due_date()),
              due.contact_target.day);
    EXPECT_EQ(ToSysDays(d.first_contact_limit().due_date()),
              due.contact_limit.day);
    EXPECT_EQ(ToSysDays(d.intake().due_date()), due.intake.day);
    EXPECT_EQ(ToSys(FromTimestamp(d.first_contact_limit().due_time())),
              due.contact_limit.end);
    // Nobody acted, and the weeks ran past every due day.
    EXPECT_EQ(d.first_contact_target().status(),
              wor::v1::DEADLINE_STATUS_BREACHED);
    EXPECT_EQ(d.first_contact_limit().status(),
              wor::v1::DEADLINE_STATUS_BREACHED);
    EXPECT_EQ(d.intake().status(), wor::v1::DEADLINE_STATUS_BREACHED);

    // The target only turns BREACHED: the limit is what escalates.
    EXPECT_FALSE(
        notices.contains({name, wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET,
                          wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK}));
    EXPECT_FALSE(
        notices.contains({name, wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET,
                          wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED}));
    const std::pair<wor::v1::DeadlineKind, ref::ReferenceDueDay> escalating[] =
        {{wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT, due.contact_limit},
         {wor::v1::DEADLINE_KIND_INTAKE, due.intake}};
    for (const auto& [kind, due_day] : escalating) {
      SCOPED_TRACE(absl::StrCat("deadline ", kind, " due ",
                                ref::FormatDate(due_day.day)));
      // AT_RISK from the opening of the working day before the due day.
      const sys_seconds at_risk = FirstOfficeScanAtOrAfter(
          calendar, grid_start,
          LocalAt(calendar.AddWorkingDays(due_day.day, -1), 9));
      // BREACHED at the first office-hours scan after the due day ended.
      const sys_seconds breach =
          FirstOfficeScanAtOrAfter(calendar, grid_start, due_day.end);
      auto at_risk_sent = notices.find(
          {name, kind, wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK});
      auto breach_sent = notices.find(
          {name, kind, wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED});
      ASSERT_NE(at_risk_sent, notices.end());
      ASSERT_NE(breach_sent, notices.end());
      EXPECT_EQ(ref::FormatInstant(ToSys(at_risk_sent->second.front())),
                ref::FormatInstant(at_risk));
      EXPECT_EQ(ref::FormatInstant(ToSys(breach_sent->second.front())),
                ref::FormatInstant(breach));
      expected_notices += 2;
    }
  }
  EXPECT_EQ(static_cast<int>(notices.size()), expected_notices);
}

INSTANTIATE_TEST_SUITE_P(
    AcrossHolidaysAndDst, WeeksOfSimulatedTime,
    ::testing::Values(
        // Summer time starts Sunday 29 March; Easter 5–6 April (Good Friday
        // worked here); King's Day Monday 27 April.
        Simulation{"SpringDstEasterKingsDay",
                   sys_days(std::chrono::year{2026} / 3 / 23)},
        // King's Day, 5 May (open in 2026), Ascension 14 May, Whit Monday
        // 25 May.
        Simulation{"KingsDayAscensionWhitMonday",
                   sys_days(std::chrono::year{2026} / 4 / 20)},
        // Summer time ends Sunday 25 October.
        Simulation{"AutumnDst", sys_days(std::chrono::year{2026} / 10 / 19)},
        // 24 December (the organisation's closing day), Christmas, Boxing
        // Day, New Year's Day.
        Simulation{"ChristmasAndNewYear",
                   sys_days(std::chrono::year{2026} / 12 / 14)}),
    [](const ::testing::TestParamInfo<Simulation>& info) {
      return std::string(info.param.name);
    });

TEST(DeadlineEscalation, PauseMovesRunningClocksByTheWorkingDaysPaused) {
  const ref::ReferenceCalendar calendar = DemoCalendar();
  const sys_days made_day = sys_days(std::chrono::year{2026} / 4 / 23);
  TestServer server(true, FromSys(LocalAt(made_day, 10)));
  auto made = Create(server, ValidReferral(), "pause-1");
  ASSERT_TRUE(made.status.ok());
  const std::string name = made.value.name();
  const wor::v1::ReferralDeadlines before = made.value.deadlines();

  // On hold on Friday 24 April (the patient asks to start later).
  const sys_days hold_day = made_day + std::chrono::days(1);
  server.clock().Set(FromSys(LocalAt(hold_day, 11)));
  auto held = Hold(server, name, "pause-2");
  ASSERT_TRUE(held.status.ok()) << held.status.error_message();
  for (const wor::v1::Deadline* d :
       {&held.value.deadlines().first_contact_target(),
        &held.value.deadlines().first_contact_limit(),
        &held.value.deadlines().intake()}) {
    EXPECT_EQ(d->status(), wor::v1::DEADLINE_STATUS_PAUSED);
    EXPECT_EQ(d->pause_reason(), wor::v1::HOLD_REASON_PATIENT_REQUEST);
  }
  // Paused clocks neither breach nor notify, however long the pause.
  const sys_days resume_day = sys_days(std::chrono::year{2026} / 5 / 12);
  for (sys_seconds t = LocalAt(hold_day, 11); t < LocalAt(resume_day, 10);
       t += std::chrono::hours(1)) {
    server.clock().Set(FromSys(t));
    ScanNow(server);
  }
  EXPECT_TRUE(NoticesInOutbox(server).empty());

  server.clock().Set(FromSys(LocalAt(resume_day, 10)));
  auto resumed = Resume(server, name, "pause-3");
  ASSERT_TRUE(resumed.status.ok()) << resumed.status.error_message();
  // 28 April to 12 May: King's Day is not counted, 5 May is worked in 2026.
  const int paused = calendar.WorkingDaysBetween(hold_day, resume_day);
  EXPECT_EQ(paused, 11);
  const auto& after = resumed.value.deadlines();
  const std::pair<const wor::v1::Deadline*, const wor::v1::Deadline*> pairs[] =
      {{&before.first_contact_target(), &after.first_contact_target()},
       {&before.first_contact_limit(), &after.first_contact_limit()},
       {&before.intake(), &after.intake()}};
  for (const auto& [old_clock, new_clock] : pairs) {
    const sys_days expected =
        calendar.AddWorkingDays(ToSysDays(old_clock->due_date()), paused);
    EXPECT_EQ(ref::FormatDate(ToSysDays(new_clock->due_date())),
              ref::FormatDate(expected));
    EXPECT_EQ(ToSys(FromTimestamp(new_clock->due_time())),
              ref::AmsterdamStartOfDay(expected + std::chrono::days(1)));
    EXPECT_EQ(new_clock->status(), wor::v1::DEADLINE_STATUS_PENDING);
    EXPECT_EQ(new_clock->paused_working_days(), paused);
    EXPECT_FALSE(new_clock->has_pause_time());
  }
}

TEST(DeadlineEscalation, ANoticeIsSentOnceAcrossARestart) {
  const sys_days made_day = sys_days(std::chrono::year{2026} / 4 / 23);
  TestServer server(true, FromSys(LocalAt(made_day, 10)));
  auto made = Create(server, ValidReferral(), "restart-1");
  ASSERT_TRUE(made.status.ok());
  // Limit due Friday 1 May: AT_RISK at the opening of Thursday 30 April.
  ASSERT_EQ(DateText(made.value.deadlines().first_contact_limit().due_date()),
            "2026-05-01");
  server.clock().Set(FromSys(LocalAt(made_day + std::chrono::days(7), 9)));
  ScanNow(server);
  const NoticeKey at_risk{made.value.name(),
                          wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT,
                          wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK};
  ASSERT_EQ(NoticesInOutbox(server)[at_risk].size(), 1u);

  // Restart at the same instant: the new server scans at start, and again.
  server.Restart();
  ScanNow(server);
  ScanNow(server);
  EXPECT_EQ(NoticesInOutbox(server)[at_risk].size(), 1u);
  auto got = Get(server, made.value.name());
  ASSERT_TRUE(got.status.ok());
  EXPECT_EQ(
      FromTimestamp(
          got.value.deadlines().first_contact_limit().at_risk_notice_time()),
      FromSys(LocalAt(made_day + std::chrono::days(7), 9)));
}

TEST(DeadlineEscalation, NothingGoesOutAtNightOrAtTheWeekendButStatusesTurn) {
  const ref::ReferenceCalendar calendar = DemoCalendar();
  // Thursday 23 April 2026: limit due Friday 1 May, ends at midnight.
  const sys_days made_day = sys_days(std::chrono::year{2026} / 4 / 23);
  TestServer server(true, FromSys(LocalAt(made_day, 10)));
  auto made = Create(server, ValidReferral(), "night-1");
  ASSERT_TRUE(made.status.ok());
  // Saturday 2 May 00:30: breached, but no notice until Monday 09:00.
  server.clock().Set(FromSys(LocalAt(made_day + std::chrono::days(9), 0, 30)));
  ScanNow(server);
  auto got = Get(server, made.value.name());
  ASSERT_TRUE(got.status.ok());
  EXPECT_EQ(got.value.deadlines().first_contact_limit().status(),
            wor::v1::DEADLINE_STATUS_BREACHED);
  const NoticeKey breach{made.value.name(),
                         wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT,
                         wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED};
  EXPECT_FALSE(NoticesInOutbox(server).contains(breach));
  // Monday 4 May 08:59: still nothing; 09:00: the breach notice.
  const sys_days monday = made_day + std::chrono::days(11);
  ASSERT_TRUE(calendar.IsWorkingDay(monday));
  server.clock().Set(FromSys(LocalAt(monday, 8, 59)));
  ScanNow(server);
  EXPECT_FALSE(NoticesInOutbox(server).contains(breach));
  server.clock().Set(FromSys(LocalAt(monday, 9)));
  ScanNow(server);
  EXPECT_EQ(NoticesInOutbox(server)[breach].size(), 1u);
}

TEST(DeadlineEscalation, TheReferrerSeesTheBreachButNotTheCoachesAtRisk) {
  const sys_days made_day = sys_days(std::chrono::year{2026} / 4 / 23);
  TestServer server(true, FromSys(LocalAt(made_day, 10)));
  auto made = Create(server, ValidReferral(), "audience-1");
  ASSERT_TRUE(made.status.ok());
  server.clock().Set(FromSys(LocalAt(made_day + std::chrono::days(7), 9)));
  ScanNow(server);  // AT_RISK of the limit
  server.clock().Set(FromSys(LocalAt(made_day + std::chrono::days(11), 9)));
  ScanNow(server);  // BREACHED of the limit (and target turned)

  auto watch = [&](const TestIdentity& who) {
    auto channel = server.ChannelAs(who);
    auto stub = wor::v1::ReferralService::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::milliseconds(1500));
    auto reader = stub->WatchReferrals(&context, {});
    std::vector<wor::v1::ReferralEventType> types;
    wor::v1::WatchReferralsResponse message;
    while (reader->Read(&message)) types.push_back(message.event().type());
    reader->Finish().IgnoreError();
    return types;
  };
  using ::testing::Contains;
  using ::testing::Not;
  const auto gp = watch(GpOfPractice());
  EXPECT_THAT(gp, Contains(wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED));
  EXPECT_THAT(gp, Not(Contains(wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK)));
  const auto coach = watch(CoachOf());
  EXPECT_THAT(coach, Contains(wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK));
  EXPECT_THAT(coach, Contains(wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED));
}

TEST(DeadlineEscalation, ALateFirstContactIsAcceptedAndMarkedLate) {
  const sys_days made_day = sys_days(std::chrono::year{2026} / 4 / 23);
  TestServer server(true, FromSys(LocalAt(made_day, 10)));
  auto made = Create(server, ValidReferral(), "late-1");
  ASSERT_TRUE(made.status.ok());
  ASSERT_TRUE(Accept(server, made.value.name(), "late-2").status.ok());
  // Monday 4 May, after the limit (Friday 1 May) passed.
  server.clock().Set(FromSys(LocalAt(made_day + std::chrono::days(11), 10)));
  ScanNow(server);
  auto reached = Contact(server, made.value.name(),
                         wor::v1::CONTACT_RESULT_REACHED, "late-3");
  ASSERT_TRUE(reached.status.ok()) << reached.status.error_message();
  EXPECT_EQ(reached.value.state(), wor::v1::REFERRAL_STATE_CONTACTED);
  EXPECT_EQ(reached.value.deadlines().first_contact_limit().status(),
            wor::v1::DEADLINE_STATUS_MET_LATE);
  EXPECT_EQ(reached.value.deadlines().first_contact_target().status(),
            wor::v1::DEADLINE_STATUS_MET_LATE);
  // The breach notice that went out stays on record.
  EXPECT_TRUE(
      reached.value.deadlines().first_contact_limit().has_breach_notice_time());
}

TEST(DeadlineEscalation, TheIntakeStartsTrajectoryAndFeedbackClocks) {
  const ref::ReferenceCalendar calendar = DemoCalendar();
  const sys_days made_day = sys_days(std::chrono::year{2026} / 4 / 23);
  TestServer server(true, FromSys(LocalAt(made_day, 10)));
  auto made = Create(server, ValidReferral(), "clocks-1");
  ASSERT_TRUE(made.status.ok());
  const std::string name = made.value.name();
  ASSERT_TRUE(Accept(server, name, "clocks-2").status.ok());
  ASSERT_TRUE(Contact(server, name, wor::v1::CONTACT_RESULT_REACHED, "clocks-3")
                  .status.ok());
  // Intake on Thursday 30 April 2026 at 14:00.
  const sys_days intake_day = sys_days(std::chrono::year{2026} / 4 / 30);
  auto scheduled =
      Schedule(server, name, FromSys(LocalAt(intake_day, 14)), "clocks-4");
  ASSERT_TRUE(scheduled.status.ok()) << scheduled.status.error_message();
  server.clock().Set(FromSys(LocalAt(intake_day, 15)));
  auto held =
      RecordIntake(server, name, FromSys(LocalAt(intake_day, 14)), "clocks-5");
  ASSERT_TRUE(held.status.ok()) << held.status.error_message();
  const auto& d = held.value.deadlines();
  EXPECT_EQ(d.intake().status(), wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  // 30 April + 4 months = 30 August 2026, a Sunday → Monday 31 August.
  EXPECT_EQ(DateText(d.trajectory_end().due_date()), "2026-08-31");
  EXPECT_EQ(
      ToSysDays(d.trajectory_end().due_date()),
      calendar.OnOrNextWorkingDay(sys_days(std::chrono::year{2026} / 8 / 30)));
  // Feedback within 5 working days of the intake day: 1, 4, 5, 6, 7 May.
  EXPECT_EQ(ToSysDays(d.intake_feedback().due_date()),
            calendar.AddWorkingDays(intake_day, 5));
  EXPECT_EQ(DateText(d.intake_feedback().due_date()), "2026-05-07");
  EXPECT_EQ(d.intake_feedback().status(), wor::v1::DEADLINE_STATUS_PENDING);
  EXPECT_FALSE(d.has_closing_feedback());

  server.clock().Set(FromSys(LocalAt(intake_day + std::chrono::days(4), 11)));
  auto sent = SendFeedback(server, name, wor::v1::FEEDBACK_KIND_AFTER_INTAKE,
                           "clocks-6");
  ASSERT_TRUE(sent.status.ok()) << sent.status.error_message();
  auto after_feedback = Get(server, name);
  ASSERT_TRUE(after_feedback.status.ok());
  EXPECT_EQ(after_feedback.value.deadlines().intake_feedback().status(),
            wor::v1::DEADLINE_STATUS_MET_ON_TIME);

  // Completion meets the trajectory clock and starts the closing feedback.
  const sys_days closing_day = sys_days(std::chrono::year{2026} / 7 / 1);
  server.clock().Set(FromSys(LocalAt(closing_day, 10)));
  auto completed = Complete(server, name, /*with_scores=*/true, "clocks-7");
  ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
  const auto& c = completed.value.deadlines();
  EXPECT_EQ(c.trajectory_end().status(), wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  EXPECT_EQ(c.closing_feedback().status(), wor::v1::DEADLINE_STATUS_PENDING);
  EXPECT_EQ(ToSysDays(c.closing_feedback().due_date()),
            calendar.AddWorkingDays(closing_day, 5));
  // Nobody sends it: it escalates like any clock, though the referral ended.
  server.clock().Set(
      FromSys(LocalAt(calendar.AddWorkingDays(closing_day, 6), 9)));
  ScanNow(server);
  EXPECT_TRUE(NoticesInOutbox(server).contains(
      {name, wor::v1::DEADLINE_KIND_CLOSING_FEEDBACK,
       wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED}));
}

}  // namespace
}  // namespace wor::server
