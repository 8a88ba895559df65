// The budget report against the issue's own example (Meppel 2024: 10
// prescriptions x 4 hours x 5 practices x EUR 75 = EUR 15,000 over 17 weeks),
// with rounding, projection edges, unfunded time and validation.
#include "server/domain/budget_report.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"

namespace wor::server {
namespace {

using absl::CivilDay;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kPractice1[] = "01000001";
constexpr char kPractice2[] = "01000002";
constexpr char kPractice3[] = "01000003";
constexpr char kUnfundedPractice[] = "09999999";

// 17 weeks: 1 January to 28 April 2024 (a leap year) is 119 days.
const CivilDay kStart(2024, 1, 1);
const CivilDay kEnd(2024, 4, 28);

FundingArrangement Meppel() {
  return FundingArrangement{
      .funder_id = "gemeente-meppel",
      .period_start = kStart,
      .period_end = kEnd,
      .practice_agbs = {kPractice1, kPractice2, kPractice3, "01000004",
                        "01000005"},
      .tariff_cents_per_hour = 75'00,
      .budget_formula = BudgetFormula{.prescriptions_per_practice = 10,
                                      .minutes_per_prescription = 4 * 60}};
}

FundingArrangement WithTariff(int64_t cents_per_hour) {
  FundingArrangement a = Meppel();
  a.tariff_cents_per_hour = cents_per_hour;
  return a;
}

TimeEntry Entry(const std::string& practice, CivilDay day, int64_t minutes,
                const std::string& referral = "ref-1") {
  return TimeEntry{.referral_id = referral,
                   .practice_agb = practice,
                   .coach_id = "coach-1",
                   .day = day,
                   .minutes = minutes};
}

BudgetReport Build(const std::vector<FundingArrangement>& arrangements,
                   const std::vector<TimeEntry>& entries, CivilDay as_of) {
  absl::StatusOr<BudgetReport> report =
      BuildBudgetReport(arrangements, entries, as_of);
  EXPECT_THAT(report, IsOk());
  return report.ok() ? *std::move(report) : BudgetReport{};
}

TEST(BudgetReportTest, IssueExampleBudgetsExactlyFifteenThousandEuros) {
  const BudgetReport report = Build({Meppel()}, {}, kStart);
  ASSERT_EQ(report.funders.size(), 1u);
  const FunderBudget& f = report.funders.at(0);
  EXPECT_EQ(f.funder_id, "gemeente-meppel");
  EXPECT_EQ(f.budget_cents, 15'000'00);
  EXPECT_EQ(f.used_cents, 0);
  EXPECT_EQ(f.remaining_cents, 15'000'00);
  EXPECT_EQ(f.practices.size(), 5u);
}

TEST(BudgetReportTest, DirectBudgetIsTakenAsGiven) {
  FundingArrangement a = Meppel();
  a.budget_formula.reset();
  a.budget_cents = 3'000'00;
  EXPECT_EQ(Build({a}, {}, kStart).funders.at(0).budget_cents, 3'000'00);
}

TEST(BudgetReportTest, UsedTimeReducesRemainingAndSetsTheShareUsed) {
  // 50 hours at EUR 75 = EUR 3,750 of EUR 15,000: 25.00 %.
  const BudgetReport report = Build(
      {Meppel()},
      {Entry(kPractice1, kStart, 20 * 60), Entry(kPractice2, kStart, 15 * 60),
       Entry(kPractice2, kStart + 1, 15 * 60)},
      kEnd);
  const FunderBudget& f = report.funders.at(0);
  EXPECT_EQ(f.used_minutes, 50 * 60);
  EXPECT_EQ(f.used_cents, 3'750'00);
  EXPECT_EQ(f.remaining_cents, 11'250'00);
  EXPECT_EQ(f.used_basis_points, 2500);
}

TEST(BudgetReportTest, OverspendingLeavesANegativeRemainder) {
  FundingArrangement a = Meppel();
  a.budget_formula.reset();
  a.budget_cents = 100'00;
  const FunderBudget f =
      Build({a}, {Entry(kPractice1, kStart, 120)}, kStart).funders.at(0);
  EXPECT_EQ(f.used_cents, 150'00);
  EXPECT_EQ(f.remaining_cents, -50'00);
  EXPECT_EQ(f.used_basis_points, 15000);
}

TEST(BudgetReportTest,
     OneMinuteAtSeventyFiveEurosAnHourCostsOneEuroTwentyFive) {
  const FunderBudget f =
      Build({Meppel()}, {Entry(kPractice1, kStart, 1)}, kStart).funders.at(0);
  EXPECT_EQ(f.used_cents, 125);
  EXPECT_EQ(f.practices.at(0).cost_cents, 125);
}

TEST(BudgetReportTest, HalfACentRoundsUp) {
  // 30 cents an hour: 1 minute is 0.5 cent, 3 minutes 1.5 cents.
  EXPECT_EQ(Build({WithTariff(30)}, {Entry(kPractice1, kStart, 1)}, kStart)
                .funders.at(0)
                .used_cents,
            1);
  EXPECT_EQ(Build({WithTariff(30)}, {Entry(kPractice1, kStart, 3)}, kStart)
                .funders.at(0)
                .used_cents,
            2);
}

TEST(BudgetReportTest, CostIsRoundedOnceOnTotalMinutesNotPerEntry) {
  // EUR 70 an hour: a minute is 116.67 cents. Per entry that would round to
  // 3 x 117 = 351; on the 3 minutes together it is exactly 350.
  const FunderBudget f =
      Build({WithTariff(70'00)},
            {Entry(kPractice1, kStart, 1), Entry(kPractice1, kStart, 1),
             Entry(kPractice1, kStart, 1)},
            kStart)
          .funders.at(0);
  EXPECT_EQ(f.used_minutes, 3);
  EXPECT_EQ(f.used_cents, 350);
  EXPECT_EQ(f.practices.at(0).cost_cents, 350);
}

TEST(BudgetReportTest, PracticeCostsAddUpExactlyToTheFunderCost) {
  // One minute in each of three practices at EUR 70 an hour: 350 cents in
  // all. Rounded on their own each would be 117 (351 in all); instead the
  // two leftover cents go to the practices listed first.
  const FunderBudget f =
      Build({WithTariff(70'00)},
            {Entry(kPractice1, kStart, 1), Entry(kPractice2, kStart, 1),
             Entry(kPractice3, kStart, 1)},
            kStart)
          .funders.at(0);
  EXPECT_EQ(f.used_cents, 350);
  EXPECT_EQ(f.practices.at(0).cost_cents, 117);
  EXPECT_EQ(f.practices.at(1).cost_cents, 117);
  EXPECT_EQ(f.practices.at(2).cost_cents, 116);
  int64_t sum = 0;
  for (const PracticeUsage& p : f.practices) sum += p.cost_cents;
  EXPECT_EQ(sum, f.used_cents);
}

TEST(BudgetReportTest, LeftoverCentGoesToThePracticeWithTheLargestFraction) {
  // EUR 70 an hour: 1 minute = 116.67 cents, 2 minutes = 233.33 cents;
  // 350 in all, so practice 1 (fraction .67) gets the cent, not practice 2.
  const FunderBudget f =
      Build({WithTariff(70'00)},
            {Entry(kPractice1, kStart, 1), Entry(kPractice2, kStart, 2)},
            kStart)
          .funders.at(0);
  EXPECT_EQ(f.used_cents, 350);
  EXPECT_EQ(f.practices.at(0).cost_cents, 117);
  EXPECT_EQ(f.practices.at(1).cost_cents, 233);
}

TEST(BudgetReportTest, PracticesCountDistinctReferralsWithTimeLogged) {
  const FunderBudget f = Build({Meppel()},
                               {Entry(kPractice1, kStart, 30, "ref-a"),
                                Entry(kPractice1, kStart + 1, 45, "ref-a"),
                                Entry(kPractice1, kStart + 2, 60, "ref-b"),
                                Entry(kPractice2, kStart, 15, "ref-c")},
                               kEnd)
                             .funders.at(0);
  EXPECT_EQ(f.practices.at(0).practice_agb, kPractice1);
  EXPECT_EQ(f.practices.at(0).minutes, 135);
  EXPECT_EQ(f.practices.at(0).referrals_with_time, 2);
  EXPECT_EQ(f.practices.at(1).minutes, 15);
  EXPECT_EQ(f.practices.at(1).referrals_with_time, 1);
  EXPECT_EQ(f.practices.at(2).minutes, 0);
  EXPECT_EQ(f.practices.at(2).referrals_with_time, 0);
}

TEST(BudgetReportTest, ProjectionOnTheFirstDayMultipliesByTheWholePeriod) {
  // 2 hours (EUR 150) on day 1 of 119 projects to 238 hours, EUR 17,850.
  const FunderBudget f =
      Build({Meppel()}, {Entry(kPractice1, kStart, 120)}, kStart).funders.at(0);
  ASSERT_TRUE(f.projection.has_value());
  EXPECT_EQ(f.projection->elapsed_days, 1);
  EXPECT_EQ(f.projection->period_days, 119);
  EXPECT_EQ(f.projection->projected_minutes, 120 * 119);
  EXPECT_EQ(f.projection->projected_cents, 17'850'00);
  EXPECT_TRUE(f.projection->exceeds_budget);
}

TEST(BudgetReportTest, ProjectionMidPeriodScalesByElapsedDaysIncludingToday) {
  // 10 hours (EUR 750) by day 45 of 119: 600 x 119 / 45 = 1586.67 minutes,
  // 75,000 x 119 / 45 = 198,333.33 cents.
  const FunderBudget f =
      Build({Meppel()}, {Entry(kPractice1, kStart, 600)}, kStart + 44)
          .funders.at(0);
  ASSERT_TRUE(f.projection.has_value());
  EXPECT_EQ(f.projection->elapsed_days, 45);
  EXPECT_EQ(f.projection->projected_minutes, 1587);
  EXPECT_EQ(f.projection->projected_cents, 1'983'33);
  EXPECT_FALSE(f.projection->exceeds_budget);
}

TEST(BudgetReportTest, ProjectionOnTheLastDayEqualsWhatWasUsed) {
  const FunderBudget f =
      Build({Meppel()},
            {Entry(kPractice1, kStart, 600), Entry(kPractice2, kEnd, 7)}, kEnd)
          .funders.at(0);
  ASSERT_TRUE(f.projection.has_value());
  EXPECT_EQ(f.projection->elapsed_days, 119);
  EXPECT_EQ(f.projection->projected_minutes, f.used_minutes);
  EXPECT_EQ(f.projection->projected_cents, f.used_cents);
}

TEST(BudgetReportTest, ProjectionAfterThePeriodStopsAtItsEnd) {
  const FunderBudget f =
      Build({Meppel()}, {Entry(kPractice1, kStart, 600)}, kEnd + 30)
          .funders.at(0);
  ASSERT_TRUE(f.projection.has_value());
  EXPECT_EQ(f.projection->elapsed_days, 119);
  EXPECT_EQ(f.projection->projected_minutes, 600);
}

TEST(BudgetReportTest, NoProjectionBeforeThePeriodStarts) {
  const BudgetReport report =
      Build({Meppel()}, {Entry(kPractice1, kStart - 1, 60)}, kStart - 1);
  const FunderBudget& f = report.funders.at(0);
  EXPECT_FALSE(f.projection.has_value());
  EXPECT_EQ(f.used_minutes, 0);
  // Time before the period is not charged to it, and not lost either.
  EXPECT_EQ(report.unfunded.entries, 1);
  EXPECT_EQ(report.unfunded.minutes, 60);
}

TEST(BudgetReportTest, UnfundedTimeIsCountedNotDropped) {
  const BudgetReport report =
      Build({Meppel()},
            {Entry(kPractice1, kStart, 60),         // funded
             Entry(kUnfundedPractice, kStart, 45),  // practice not funded
             Entry(kPractice1, kEnd + 1, 30)},      // after the period
            kEnd + 10);
  EXPECT_EQ(report.funders.at(0).used_minutes, 60);
  EXPECT_EQ(report.unfunded.entries, 2);
  EXPECT_EQ(report.unfunded.minutes, 75);
}

TEST(BudgetReportTest, EntriesAfterTheReportDayAreLeftOut) {
  const BudgetReport report =
      Build({Meppel()},
            {Entry(kPractice1, kStart, 60), Entry(kPractice1, kStart + 10, 30),
             Entry(kUnfundedPractice, kStart + 10, 5)},
            kStart + 9);
  EXPECT_EQ(report.funders.at(0).used_minutes, 60);
  EXPECT_EQ(report.unfunded.entries, 0);
}

TEST(BudgetReportTest, TwoFundersShareAPracticeInConsecutivePeriods) {
  FundingArrangement gemeente = Meppel();
  gemeente.period_end = CivilDay(2024, 6, 30);
  FundingArrangement verzekeraar{.funder_id = "zorgverzekeraar-iza",
                                 .period_start = CivilDay(2024, 7, 1),
                                 .period_end = CivilDay(2024, 12, 31),
                                 .practice_agbs = {kPractice1},
                                 .tariff_cents_per_hour = 60'00,
                                 .budget_cents = 5'000'00,
                                 .budget_formula = std::nullopt};
  const BudgetReport report =
      Build({gemeente, verzekeraar},
            {Entry(kPractice1, CivilDay(2024, 6, 30), 60),
             Entry(kPractice1, CivilDay(2024, 7, 1), 90)},
            CivilDay(2024, 7, 1));
  ASSERT_EQ(report.funders.size(), 2u);
  EXPECT_EQ(report.funders.at(0).used_minutes, 60);
  EXPECT_EQ(report.funders.at(0).used_cents, 75'00);
  EXPECT_EQ(report.funders.at(1).funder_id, "zorgverzekeraar-iza");
  EXPECT_EQ(report.funders.at(1).used_minutes, 90);
  EXPECT_EQ(report.funders.at(1).used_cents, 90'00);
  EXPECT_THAT(report.funders.at(1).practices.at(0).minutes, 90);
  EXPECT_EQ(report.unfunded.entries, 0);
}

// Each case breaks one field of an otherwise valid request.
struct InvalidCase {
  const char* name;
  void (*break_it)(std::vector<FundingArrangement>&, std::vector<TimeEntry>&);
  const char* field;
};

class BudgetReportValidationTest
    : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(BudgetReportValidationTest, RejectsTheRequestNamingTheField) {
  std::vector<FundingArrangement> arrangements = {Meppel()};
  std::vector<TimeEntry> entries = {Entry(kPractice1, kStart, 60)};
  ASSERT_THAT(BuildBudgetReport(arrangements, entries, kEnd), IsOk());
  GetParam().break_it(arrangements, entries);
  const absl::StatusOr<BudgetReport> report =
      BuildBudgetReport(arrangements, entries, kEnd);
  EXPECT_THAT(report, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr(GetParam().field));
}

using A = std::vector<FundingArrangement>;
using E = std::vector<TimeEntry>;

INSTANTIATE_TEST_SUITE_P(
    AllFields, BudgetReportValidationTest,
    ::testing::Values(
        InvalidCase{"NegativeMinutes", [](A&, E& e) { e[0].minutes = -30; },
                    "entries[0].minutes"},
        InvalidCase{"ZeroMinutes", [](A&, E& e) { e[0].minutes = 0; },
                    "entries[0].minutes"},
        InvalidCase{"MoreThanADay", [](A&, E& e) { e[0].minutes = 1441; },
                    "entries[0].minutes"},
        InvalidCase{"EmptyReferral", [](A&, E& e) { e[0].referral_id = ""; },
                    "entries[0].referral_id"},
        InvalidCase{"EmptyCoach", [](A&, E& e) { e[0].coach_id = ""; },
                    "entries[0].coach_id"},
        InvalidCase{"EntryAgbMalformed",
                    [](A&, E& e) { e[0].practice_agb = "0100000"; },
                    "entries[0].practice_agb"},
        InvalidCase{"EndBeforeStart",
                    [](A& a, E&) { a[0].period_end = kStart - 1; },
                    "arrangements[0].period_end"},
        InvalidCase{"PeriodOverTenYears",
                    [](A& a, E&) { a[0].period_end = kStart + 3660; },
                    "arrangements[0].period_end"},
        InvalidCase{"ZeroTariff",
                    [](A& a, E&) { a[0].tariff_cents_per_hour = 0; },
                    "arrangements[0].tariff_cents_per_hour"},
        InvalidCase{"NegativeTariff",
                    [](A& a, E&) { a[0].tariff_cents_per_hour = -75'00; },
                    "arrangements[0].tariff_cents_per_hour"},
        InvalidCase{"EmptyFunder", [](A& a, E&) { a[0].funder_id = ""; },
                    "arrangements[0].funder_id"},
        InvalidCase{"NoPractices", [](A& a, E&) { a[0].practice_agbs = {}; },
                    "arrangements[0].practice_agbs"},
        InvalidCase{"PracticeListedTwice",
                    [](A& a, E&) { a[0].practice_agbs.push_back(kPractice1); },
                    "arrangements[0].practice_agbs[5]"},
        InvalidCase{"ArrangementAgbMalformed",
                    [](A& a, E&) { a[0].practice_agbs[1] = "0100000x"; },
                    "arrangements[0].practice_agbs[1]"},
        InvalidCase{"NoBudget", [](A& a, E&) { a[0].budget_formula.reset(); },
                    "arrangements[0].budget_cents"},
        InvalidCase{"NegativeBudget",
                    [](A& a, E&) {
                      a[0].budget_formula.reset();
                      a[0].budget_cents = -1;
                    },
                    "arrangements[0].budget_cents"},
        InvalidCase{"BothBudgetForms",
                    [](A& a, E&) { a[0].budget_cents = 15'000'00; },
                    "arrangements[0].budget_cents"},
        InvalidCase{"ZeroPrescriptions",
                    [](A& a, E&) {
                      a[0].budget_formula->prescriptions_per_practice = 0;
                    },
                    "budget_formula.prescriptions_per_practice"},
        InvalidCase{
            "ZeroMinutesPerPrescription",
            [](A& a, E&) { a[0].budget_formula->minutes_per_prescription = 0; },
            "budget_formula.minutes_per_prescription"},
        InvalidCase{"SameFunderOverlappingPeriods",
                    [](A& a, E&) {
                      FundingArrangement second = Meppel();
                      second.period_start = kEnd;  // shares one day
                      second.period_end = kEnd + 100;
                      second.practice_agbs = {"01000007", kPractice3};
                      a.push_back(second);
                    },
                    "arrangements[1].practice_agbs[1]"},
        InvalidCase{"OtherFunderSameDays",
                    [](A& a, E&) {
                      FundingArrangement insurer = Meppel();
                      insurer.funder_id = "zorgverzekeraar-iza";
                      a.push_back(insurer);
                    },
                    "arrangements[1].practice_agbs[0]"}),
    [](const ::testing::TestParamInfo<InvalidCase>& info) {
      return std::string(info.param.name);
    });

TEST(BudgetReportTest, AdjacentPeriodsOfOneFunderAreNotDoubleFunding) {
  FundingArrangement next = Meppel();
  next.period_start = kEnd + 1;
  next.period_end = kEnd + 100;
  EXPECT_THAT(BuildBudgetReport({Meppel(), next}, {}, kEnd), IsOk());
}

}  // namespace
}  // namespace wor::server
