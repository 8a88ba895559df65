// Property tests: the working-day calendar and the deadline policy agree with
// an independent reference (tests/domain/reference_working_days.h) on many
// random inputs and, where it is cheap, on every input in a range.
//
// The random inputs come from a fixed seed, printed with every failure; set
// WOR_PROPERTY_SEED to explore other seeds. Every failure message also lists
// the sample's inputs, so it can be turned into a scenario test directly.

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "server/domain/deadline_policy.h"
#include "server/domain/working_day_calendar.h"
#include "tests/domain/reference_working_days.h"

namespace wor::server {
namespace {

namespace ref = ::wor::server::reference;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::sys_seconds;

constexpr int kSamples = 10'000;
constexpr int kMaxReportedFailures = 10;
constexpr uint64_t kDefaultSeed = 20260423;
constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

uint64_t Seed() {
  if (const char* text = std::getenv("WOR_PROPERTY_SEED")) {
    return std::strtoull(text, nullptr, 10);
  }
  return kDefaultSeed;
}

std::string SeedNote(uint64_t seed) {
  return absl::StrCat("seed ", seed, " (rerun with WOR_PROPERTY_SEED=", seed,
                      ")");
}

// std::mt19937_64's output is fixed by the standard (the distributions' are
// not), so a seed reproduces the same samples with any standard library.
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}

  // Uniform in [lo, hi]; the modulo bias is irrelevant here.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo +
           static_cast<int64_t>(engine_() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool OneIn(int n) { return Between(1, n) == 1; }

 private:
  std::mt19937_64 engine_;
};

sys_days Date(int y, unsigned m, unsigned d) {
  return sys_days{std::chrono::year{y} / std::chrono::month{m} /
                  std::chrono::day{d}};
}

sys_days ToSysDays(absl::CivilDay day) {
  return Date(static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
              static_cast<unsigned>(day.day()));
}

absl::CivilDay ToCivilDay(sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return absl::CivilDay(static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()));
}

absl::Time ToAbslTime(sys_seconds t) {
  return absl::FromUnixSeconds(t.time_since_epoch().count());
}

sys_seconds ToSysSeconds(absl::Time t) {
  return sys_seconds{seconds{absl::ToUnixSeconds(t)}};
}

// The last Sunday of March or October: the daylight saving switch days.
sys_days SwitchSunday(int year, bool spring) {
  return sys_days{std::chrono::year{year} /
                  (spring ? std::chrono::March : std::chrono::October) /
                  std::chrono::Sunday[std::chrono::last]};
}

// One organisation's calendar, as options for both implementations.
struct CalendarSample {
  bool good_friday_closed = true;
  LiberationDayPolicy liberation_day = LiberationDayPolicy::kClosed;
  std::vector<sys_days> extra_closing_days;

  WorkingDayCalendar Production() const {
    WorkingDayCalendarOptions options;
    options.good_friday_closed = good_friday_closed;
    options.liberation_day = liberation_day;
    for (const sys_days day : extra_closing_days) {
      options.extra_closing_days.push_back(ToCivilDay(day));
    }
    return WorkingDayCalendar(std::move(options));
  }

  ref::ReferenceCalendar Reference() const {
    ref::ReferenceRules rules;
    rules.good_friday_closed = good_friday_closed;
    switch (liberation_day) {
      case LiberationDayPolicy::kClosed:
        rules.liberation_day = ref::LiberationDayRule::kEveryYear;
        break;
      case LiberationDayPolicy::kClosedInLustrumYears:
        rules.liberation_day = ref::LiberationDayRule::kLustrumYearsOnly;
        break;
      case LiberationDayPolicy::kOpen:
        rules.liberation_day = ref::LiberationDayRule::kNever;
        break;
    }
    rules.extra_closing_days = extra_closing_days;
    return ref::ReferenceCalendar(std::move(rules));
  }

  std::string Describe() const {
    std::string text =
        absl::StrCat("good_friday_closed=", good_friday_closed,
                     " liberation_day=", PolicyName(), " extra_closing_days={");
    for (const sys_days day : extra_closing_days) {
      absl::StrAppend(&text, " ", ref::FormatDate(day));
    }
    absl::StrAppend(&text, " }");
    return text;
  }

  const char* PolicyName() const {
    switch (liberation_day) {
      case LiberationDayPolicy::kClosed:
        return "kClosed";
      case LiberationDayPolicy::kClosedInLustrumYears:
        return "kClosedInLustrumYears";
      case LiberationDayPolicy::kOpen:
        return "kOpen";
    }
    return "?";
  }
};

// Mostly uniform over the years, but a third of the days land within two
// weeks of a holiday, where the calendars can disagree.
sys_days RandomDay(Random& random) {
  const int year = static_cast<int>(random.Between(kFirstYear, kLastYear));
  if (random.Between(0, 2) > 0) {
    return Date(year, 1, 1) + days{random.Between(0, 365)};
  }
  const sys_days easter{ref::GaussEasterSunday(year)};
  const sys_days anchors[] = {
      Date(year, 1, 1),   easter,
      Date(year, 4, 27),  Date(year, 5, 5),
      easter + days{39},  easter + days{50},
      Date(year, 12, 25),
  };
  return anchors[random.Between(0, std::size(anchors) - 1)] +
         days{random.Between(-14, 14)};
}

// Policies in equal shares; up to four extra closing days, near `near` so
// that they matter.
CalendarSample RandomCalendar(Random& random, sys_days near) {
  CalendarSample sample;
  sample.good_friday_closed = random.OneIn(2);
  sample.liberation_day =
      static_cast<LiberationDayPolicy>(random.Between(0, 2));
  const int64_t extra = random.Between(0, 4);
  for (int64_t i = 0; i < extra; ++i) {
    sample.extra_closing_days.push_back(near + days{random.Between(-10, 40)});
  }
  return sample;
}

// Collects the differences found in one sample into a single message.
class Differences {
 public:
  void Day(const std::string& what, absl::CivilDay production,
           sys_days expected) {
    if (ToSysDays(production) != expected) {
      absl::StrAppend(&text_, "\n  ", what, ": production ",
                      ref::FormatDate(ToSysDays(production)), ", reference ",
                      ref::FormatDate(expected));
    }
  }
  void Instant(const std::string& what, absl::Time production,
               sys_seconds expected) {
    if (ToSysSeconds(production) != expected) {
      absl::StrAppend(&text_, "\n  ", what, ": production ",
                      ref::FormatInstant(ToSysSeconds(production)),
                      ", reference ", ref::FormatInstant(expected));
    }
  }
  void Count(const std::string& what, int production, int expected) {
    if (production != expected) {
      absl::StrAppend(&text_, "\n  ", what, ": production ", production,
                      ", reference ", expected);
    }
  }
  void Flag(const std::string& what, bool production, bool expected) {
    if (production != expected) {
      absl::StrAppend(&text_, "\n  ", what, ": production ", production,
                      ", reference ", expected);
    }
  }

  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

// Reports the first few failing samples in full and the rest as a count.
class FailureReport {
 public:
  explicit FailureReport(uint64_t seed) : seed_(seed) {}
  ~FailureReport() {
    if (failing_ > kMaxReportedFailures) {
      ADD_FAILURE() << failing_ << " samples failed in all, "
                    << SeedNote(seed_);
    }
  }

  void Add(int sample, const std::string& inputs,
           const Differences& differences) {
    if (differences.empty()) return;
    if (++failing_ <= kMaxReportedFailures) {
      ADD_FAILURE() << "sample " << sample << " of " << SeedNote(seed_)
                    << "\n  inputs: " << inputs << differences.text();
    }
  }

 private:
  uint64_t seed_;
  int failing_ = 0;
};

TEST(ReferenceEasterTest, MatchesDatesCheckedWithNcalAndDateutil) {
  // Each date was checked with `ncal -e YEAR` (Debian ncal 12.1.8) and with
  // Python's dateutil.easter.easter(YEAR). 1954, 1981, 2049 and 2076 are the
  // years that need the exception rules of Gauss's original formula; 1818 and
  // 2285 have the earliest possible date, 2038 the latest.
  const struct {
    int year;
    sys_days easter;
  } kKnown[] = {
      {1818, Date(1818, 3, 22)}, {1954, Date(1954, 4, 18)},
      {1981, Date(1981, 4, 19)}, {2000, Date(2000, 4, 23)},
      {2011, Date(2011, 4, 24)}, {2016, Date(2016, 3, 27)},
      {2019, Date(2019, 4, 21)}, {2024, Date(2024, 3, 31)},
      {2025, Date(2025, 4, 20)}, {2026, Date(2026, 4, 5)},
      {2027, Date(2027, 3, 28)}, {2028, Date(2028, 4, 16)},
      {2029, Date(2029, 4, 1)},  {2030, Date(2030, 4, 21)},
      {2038, Date(2038, 4, 25)}, {2049, Date(2049, 4, 18)},
      {2057, Date(2057, 4, 22)}, {2076, Date(2076, 4, 19)},
      {2077, Date(2077, 4, 11)}, {2095, Date(2095, 4, 24)},
      {2096, Date(2096, 4, 15)}, {2100, Date(2100, 3, 28)},
      {2106, Date(2106, 4, 18)}, {2201, Date(2201, 4, 19)},
      {2285, Date(2285, 3, 22)},
  };
  for (const auto& known : kKnown) {
    EXPECT_EQ(ref::FormatDate(sys_days{ref::GaussEasterSunday(known.year)}),
              ref::FormatDate(known.easter))
        << known.year;
  }
}

TEST(ReferenceTimeZoneTest, SwitchesAtOneUtcOnTheLastSundays) {
  // 2026: 29 March and 25 October, both at 01:00 UTC.
  const sys_seconds spring = Date(2026, 3, 29) + hours{1};
  const sys_seconds autumn = Date(2026, 10, 25) + hours{1};
  EXPECT_FALSE(ref::IsAmsterdamSummerTime(spring - seconds{1}));
  EXPECT_TRUE(ref::IsAmsterdamSummerTime(spring));
  EXPECT_TRUE(ref::IsAmsterdamSummerTime(autumn - seconds{1}));
  EXPECT_FALSE(ref::IsAmsterdamSummerTime(autumn));
  EXPECT_EQ(ref::AmsterdamStartOfDay(Date(2026, 3, 29)),
            Date(2026, 3, 28) + hours{23});
  EXPECT_EQ(ref::AmsterdamStartOfDay(Date(2026, 3, 30)),
            Date(2026, 3, 29) + hours{22});
  EXPECT_EQ(ref::AmsterdamStartOfDay(Date(2026, 10, 25)),
            Date(2026, 10, 24) + hours{22});
  EXPECT_EQ(ref::AmsterdamStartOfDay(Date(2026, 10, 26)),
            Date(2026, 10, 25) + hours{23});
}

TEST(EasterSundayPropertyTest, AgreesWithGaussForEveryYearFrom1583To9999) {
  for (int year = 1583; year <= 9999; ++year) {
    ASSERT_EQ(ToSysDays(EasterSunday(year)),
              sys_days{ref::GaussEasterSunday(year)})
        << year;
  }
}

TEST(WorkingDayPropertyTest, IsWorkingDayAgreesOnEveryDayForEveryPolicy) {
  for (const bool good_friday_closed : {true, false}) {
    for (const LiberationDayPolicy liberation_day :
         {LiberationDayPolicy::kClosed,
          LiberationDayPolicy::kClosedInLustrumYears,
          LiberationDayPolicy::kOpen}) {
      const CalendarSample sample{good_friday_closed, liberation_day, {}};
      SCOPED_TRACE(sample.Describe());
      const WorkingDayCalendar production = sample.Production();
      const ref::ReferenceCalendar reference = sample.Reference();
      int failures = 0;
      for (sys_days day = Date(kFirstYear, 1, 1);
           day <= Date(kLastYear, 12, 31) && failures < kMaxReportedFailures;
           day += days{1}) {
        const bool expected = reference.IsWorkingDay(day);
        if (production.IsWorkingDay(ToCivilDay(day)) != expected) {
          ++failures;
          ADD_FAILURE() << ref::FormatDate(day) << ": reference says "
                        << (expected ? "working day" : "closed");
        }
      }
    }
  }
}

TEST(WorkingDayPropertyTest, RandomDaysAndCountsAgreeWithTheReference) {
  const uint64_t seed = Seed();
  Random random(seed);
  FailureReport report(seed);
  for (int i = 0; i < kSamples; ++i) {
    const sys_days day = RandomDay(random);
    const CalendarSample calendar = RandomCalendar(random, day);
    // Mostly contact-sized terms, sometimes far larger, in both directions.
    const int n = static_cast<int>(random.OneIn(5) ? random.Between(-300, 300)
                                                   : random.Between(-15, 15));
    const sys_days to = day + days{random.Between(-30, 400)};

    const WorkingDayCalendar production = calendar.Production();
    const ref::ReferenceCalendar reference = calendar.Reference();
    const absl::CivilDay civil_day = ToCivilDay(day);
    Differences differences;
    differences.Flag("IsWorkingDay", production.IsWorkingDay(civil_day),
                     reference.IsWorkingDay(day));
    differences.Day(absl::StrCat("AddWorkingDays(n=", n, ")"),
                    production.AddWorkingDays(civil_day, n),
                    reference.AddWorkingDays(day, n));
    differences.Day("OnOrNextWorkingDay",
                    production.OnOrNextWorkingDay(civil_day),
                    reference.OnOrNextWorkingDay(day));
    differences.Count(
        absl::StrCat("WorkingDaysBetween(to=", ref::FormatDate(to), ")"),
        production.WorkingDaysBetween(civil_day, ToCivilDay(to)),
        reference.WorkingDaysBetween(day, to));
    report.Add(i,
               absl::StrCat("day=", ref::FormatDate(day), " n=", n, " to=",
                            ref::FormatDate(to), " ", calendar.Describe()),
               differences);
  }
}

class DeadlinePropertyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
    ASSERT_TRUE(zone.ok()) << zone.status();
    zone_ = *zone;
  }

  absl::TimeZone zone_;
};

TEST_F(DeadlinePropertyTest, EndOfDayIsTheReferenceMidnightOnEveryDay) {
  const WorkingDayCalendar calendar{WorkingDayCalendarOptions{}};
  const DeadlinePolicy policy(&calendar, zone_, DeadlinePolicyOptions{});
  int failures = 0;
  for (sys_days day = Date(kFirstYear, 1, 1);
       day <= Date(kLastYear, 12, 31) && failures < kMaxReportedFailures;
       day += days{1}) {
    const sys_seconds expected = ref::AmsterdamStartOfDay(day + days{1});
    const absl::Time end = policy.EndOfDay(ToCivilDay(day)).end;
    if (ToSysSeconds(end) != expected) {
      ++failures;
      ADD_FAILURE() << ref::FormatDate(day) << ": production ends at "
                    << ref::FormatInstant(ToSysSeconds(end))
                    << ", reference at " << ref::FormatInstant(expected);
    }
  }
}

// A referral instant drawn from one of several shapes, most of them aimed at
// the places where a time zone mistake would show.
sys_seconds RandomReferralInstant(Random& random) {
  const int year = static_cast<int>(random.Between(kFirstYear, kLastYear));
  // Half the local days are the switch weekends (Saturday to Monday).
  const auto local_day = [&]() -> sys_days {
    if (random.OneIn(2)) return Date(year, 1, 1) + days{random.Between(0, 364)};
    return SwitchSunday(year, random.OneIn(2)) + days{random.Between(-1, 1)};
  };
  const auto wall_clock = [](sys_days day, minutes time_of_day) {
    return ref::FromAmsterdamWallClock(
        std::chrono::local_seconds{day.time_since_epoch() + time_of_day});
  };
  switch (random.Between(0, 5)) {
    case 0:  // Any second of 2000-2100.
      return Date(kFirstYear, 1, 1) +
             seconds{random.Between(
                 0, (Date(kLastYear + 1, 1, 1) - Date(kFirstYear, 1, 1)) /
                            seconds{1} -
                        1)};
    case 1: {  // Any second of a switch weekend, Friday evening to Tuesday.
      const sys_days sunday = SwitchSunday(year, random.OneIn(2));
      return sunday - days{2} + seconds{random.Between(0, 4 * 24 * 3600 - 1)};
    }
    case 2:  // 23:30 or 00:30 local.
      return wall_clock(
          local_day(), random.OneIn(2) ? hours{23} + minutes{30} : minutes{30});
    case 3: {  // A Friday at 16:55 local, often the one before a switch.
      sys_days day = local_day();
      while (std::chrono::weekday{day} != std::chrono::Friday) day += days{1};
      return wall_clock(day, hours{16} + minutes{55});
    }
    case 4:  // A second either side of local midnight, or on it.
      return ref::AmsterdamStartOfDay(local_day()) +
             seconds{random.Between(-1, 1)};
    default:  // Within two hours of a switch instant.
      return SwitchSunday(year, random.OneIn(2)) + hours{1} +
             seconds{random.Between(-7200, 7200)};
  }
}

TEST_F(DeadlinePropertyTest, RandomReferralsAgreeWithTheReference) {
  const uint64_t seed = Seed();
  Random random(seed);
  FailureReport report(seed);
  for (int i = 0; i < kSamples; ++i) {
    const sys_seconds referral = RandomReferralInstant(random);
    const CalendarSample calendar =
        RandomCalendar(random, std::chrono::floor<days>(referral));
    ref::ReferenceTerms terms;
    if (random.OneIn(2)) {  // Otherwise the national terms.
      terms.contact_target_working_days =
          static_cast<int>(random.Between(0, 5));
      terms.contact_limit_working_days = static_cast<int>(
          random.Between(terms.contact_target_working_days, 10));
      terms.intake_calendar_days = static_cast<int>(random.Between(0, 28));
    }

    const WorkingDayCalendar production_calendar = calendar.Production();
    const DeadlinePolicy policy(
        &production_calendar, zone_,
        DeadlinePolicyOptions{
            .contact_target_working_days = terms.contact_target_working_days,
            .contact_limit_working_days = terms.contact_limit_working_days,
            .intake_calendar_days = terms.intake_calendar_days});
    const ReferralDueDates due = policy.ForReferralAt(ToAbslTime(referral));
    const ref::ReferenceDueDates expected =
        ref::ReferenceDueDatesFor(calendar.Reference(), terms, referral);

    Differences differences;
    differences.Day("LocalDay", policy.LocalDay(ToAbslTime(referral)),
                    ref::AmsterdamLocalDay(referral));
    differences.Day("contact_target.day", due.contact_target.day,
                    expected.contact_target.day);
    differences.Instant("contact_target.end", due.contact_target.end,
                        expected.contact_target.end);
    differences.Day("contact_limit.day", due.contact_limit.day,
                    expected.contact_limit.day);
    differences.Instant("contact_limit.end", due.contact_limit.end,
                        expected.contact_limit.end);
    differences.Day("intake.day", due.intake.day, expected.intake.day);
    differences.Instant("intake.end", due.intake.end, expected.intake.end);
    report.Add(
        i,
        absl::StrCat("referral=", ref::FormatInstant(referral),
                     " terms={target ", terms.contact_target_working_days,
                     ", limit ", terms.contact_limit_working_days, ", intake ",
                     terms.intake_calendar_days, "} ", calendar.Describe()),
        differences);
  }
}

}  // namespace
}  // namespace wor::server
