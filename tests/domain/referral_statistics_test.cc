// Partner statistics from referral facts: the counts a region reads off its
// report, and that what is published gives nobody away.
#include "server/domain/referral_statistics.h"

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/domain/published_statistics.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using wor::v1::GetReferralStatisticsResponse;
using wor::v1::StatisticsCount;

// Meierijstad-like: ten practices, the first three in the pilot group.
StatisticsDirectory TenPractices() {
  StatisticsDirectory directory;
  directory.groups.push_back({"pilot", "Pilotpraktijken"});
  for (int i = 0; i < 10; ++i) {
    directory.practices.push_back({absl::StrCat("0100000", i),
                                   absl::StrCat("Praktijk ", i),
                                   i < 3 ? 0 : -1});
  }
  return directory;
}

ReferralFacts Fact(const std::string& agb, absl::CivilDay day) {
  ReferralFacts facts;
  facts.referral_id = absl::StrCat(agb, "-", absl::FormatCivilTime(day));
  facts.practice_agb = agb;
  facts.referral_date = day;
  facts.state = wor::v1::REFERRAL_STATE_REQUESTED;
  return facts;
}

GetReferralStatisticsResponse Build(const StatisticsDirectory& directory,
                                    const std::vector<ReferralFacts>& facts,
                                    wor::v1::StatisticsDimension rows,
                                    wor::v1::StatisticsDimension columns) {
  ReferralStatisticsBuilder builder(&directory, rows, columns);
  for (const auto& f : facts) builder.Add(f);
  absl::StatusOr<GetReferralStatisticsResponse> built = builder.Build(5);
  EXPECT_TRUE(built.ok()) << built.status();
  return built.ok() ? *built : GetReferralStatisticsResponse();
}

TEST(ReferralStatistics, MeierijstadReadsOffItsReport) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  // 87 from the three pilot practices, 92 from the seven others, over 2023.
  const int pilot[] = {40, 27, 20};
  const int others[] = {20, 15, 14, 13, 12, 10, 8};
  for (int p = 0; p < 10; ++p) {
    const int n = p < 3 ? pilot[p] : others[p - 3];
    for (int i = 0; i < n; ++i) {
      facts.push_back(Fact(directory.practices[p].agb,
                           absl::CivilDay(2023, 1 + i % 12, 1 + i % 28)));
    }
  }
  GetReferralStatisticsResponse by_group =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE_GROUP,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  ASSERT_EQ(by_group.table().rows_size(), 2);
  EXPECT_EQ(by_group.table().rows(0).label().display_name(), "Pilotpraktijken");
  EXPECT_EQ(by_group.table().rows(0).total().count(), 87);
  EXPECT_EQ(by_group.table().rows(1).label().display_name(),
            "Overige praktijken");
  EXPECT_EQ(by_group.table().rows(1).total().count(), 92);
  EXPECT_EQ(by_group.table().grand_total().count(), 179);

  GetReferralStatisticsResponse by_practice =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  ASSERT_EQ(by_practice.table().rows_size(), 10);
  EXPECT_EQ(by_practice.table().rows(0).label().key(), "01000000");
  EXPECT_EQ(by_practice.table().rows(0).total().count(), 40);
  EXPECT_EQ(by_practice.table().rows(9).total().count(), 8);
}

TEST(ReferralStatistics, PracticeByMonthHidesSmallCellsAndWhatRecoversThem) {
  const StatisticsDirectory directory = TenPractices();
  std::mt19937 random(7);
  for (int round = 0; round < 40; ++round) {
    std::vector<ReferralFacts> facts;
    for (int p = 0; p < 4; ++p) {
      for (int month = 1; month <= 3; ++month) {
        const int n = std::uniform_int_distribution<int>(0, 9)(random);
        for (int i = 0; i < n; ++i) {
          facts.push_back(Fact(directory.practices[p].agb,
                               absl::CivilDay(2024, month, 1 + i)));
        }
      }
    }
    GetReferralStatisticsResponse published =
        Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE,
              wor::v1::STATISTICS_DIMENSION_MONTH);
    const PublishedGrid grid = GridOf(published.table());
    ExpectNoSmallCountPublished(grid);
    EXPECT_THAT(FindDisclosures(grid, 5, 1000), IsEmpty()) << "round " << round;
  }
}

TEST(ReferralStatistics, AGroupOfThreeIsHiddenAndSoIsItsComplement) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  for (int i = 0; i < 20; ++i) {
    facts.push_back(Fact("01000000", absl::CivilDay(2024, 5, 1 + i)));
  }
  for (int i = 0; i < 3; ++i) {
    facts.push_back(Fact("01000005", absl::CivilDay(2024, 5, 1 + i)));
  }
  GetReferralStatisticsResponse published =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE_GROUP,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  // 20 and 3 with a published total of 23 would give the 3 away.
  const PublishedGrid grid = GridOf(published.table());
  ExpectNoSmallCountPublished(grid);
  EXPECT_THAT(FindDisclosures(grid, 5, 1000), IsEmpty());
  EXPECT_FALSE(published.table().rows(1).total().has_count());
}

TEST(ReferralStatistics, IndicatorsCountEachReferralUnderEachOfItsIndicators) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  for (int i = 0; i < 12; ++i) {
    ReferralFacts f = Fact("01000000", absl::CivilDay(2024, 5, 1 + i));
    f.indicator_mask = (1u << wor::v1::INDICATOR_LONELINESS) |
                       (i < 6 ? 1u << wor::v1::INDICATOR_SLEEP_PROBLEMS : 0u);
    facts.push_back(f);
  }
  GetReferralStatisticsResponse published =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_INDICATOR,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  ASSERT_EQ(published.table().rows_size(), 2);
  EXPECT_EQ(published.table().rows(0).label().display_name(), "Eenzaamheid");
  EXPECT_EQ(published.table().rows(0).cells(0).count(), 12);
  EXPECT_EQ(published.table().rows(1).cells(0).count(), 6);
  // Not 18: the grand total counts referrals; no column totals are given.
  EXPECT_EQ(published.table().grand_total().count(), 12);
  EXPECT_THAT(published.table().column_totals(), IsEmpty());
}

TEST(ReferralStatistics, ComplianceAndMediansNeedEnoughReferrals) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  const int days[] = {1, 2, 2, 3, 6, 1, 2};  // 7 contacted at practice 0
  for (int i = 0; i < 7; ++i) {
    ReferralFacts f = Fact("01000000", absl::CivilDay(2024, 5, 1 + i));
    f.working_days_to_contact = days[i];
    f.contact_within_target = days[i] <= 2;
    f.contact_within_limit = days[i] <= 5;
    facts.push_back(f);
  }
  for (int i = 0; i < 6; ++i) {  // 6 at practice 1, 2 of them contacted
    ReferralFacts f = Fact("01000001", absl::CivilDay(2024, 5, 1 + i));
    if (i < 2) f.working_days_to_contact = 1;
    facts.push_back(f);
  }
  GetReferralStatisticsResponse published =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  ASSERT_EQ(published.compliance_by_row_size(), 2);
  const auto& first = published.compliance_by_row(0);
  // 7 contacted and 2 contacted with a published total of 9 would give the
  // 2 away, so both rows are hidden and only the total is given.
  EXPECT_FALSE(published.compliance_by_row(1).has_contacted());
  EXPECT_FALSE(
      published.compliance_by_row(1).has_median_working_days_to_contact());
  EXPECT_FALSE(first.has_contacted());
  EXPECT_FALSE(first.has_share_contacted_within_target());
  const auto& overall = published.compliance();
  ASSERT_TRUE(overall.has_contacted());
  EXPECT_EQ(overall.contacted(), 9);
  // Days 1,1,1,2,2,2,3,6 + one more 1: sorted 1,1,1,1,2,2,2,3,6 → 2.
  EXPECT_DOUBLE_EQ(overall.median_working_days_to_contact(), 2);
  // Within 2 days: five at practice 0, four not: a share of 5/9 would show
  // a group of four, so it is not given; the limit (8 of 9) neither.
  EXPECT_FALSE(overall.has_share_contacted_within_target());
  EXPECT_FALSE(overall.has_share_contacted_within_limit());
}

TEST(ReferralStatistics, ASharesGroupsAreSafeCountsOrItIsNotGiven) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  for (int i = 0; i < 15; ++i) {  // 10 on time, 5 late, all within the limit
    ReferralFacts f = Fact("01000000", absl::CivilDay(2024, 5, 1 + i));
    f.working_days_to_contact = i < 10 ? 2 : 4;
    f.contact_within_target = i < 10;
    f.contact_within_limit = true;
    facts.push_back(f);
  }
  const auto& overall =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED)
          .compliance();
  EXPECT_DOUBLE_EQ(overall.share_contacted_within_target(), 10.0 / 15.0);
  EXPECT_DOUBLE_EQ(overall.share_contacted_within_limit(), 1.0);
}

TEST(ReferralStatistics, NoComplianceNextToASmallRow) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  for (int i = 0; i < 20; ++i) {
    ReferralFacts f = Fact("01000000", absl::CivilDay(2024, 5, 1 + i));
    f.working_days_to_contact = 1;
    f.contact_within_target = f.contact_within_limit = true;
    facts.push_back(f);
  }
  for (int i = 0; i < 3; ++i) {  // a hidden row of 3, none contacted
    facts.push_back(Fact("01000001", absl::CivilDay(2024, 5, 1 + i)));
  }
  GetReferralStatisticsResponse published =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  // Its "0 contacted" next to the other's 20 would bound the hidden 3.
  EXPECT_THAT(published.compliance_by_row(), IsEmpty());
  EXPECT_EQ(published.compliance().contacted(), 20);
}

TEST(ReferralStatistics, WellbeingChangeOnlyOverEnoughScoredClosings) {
  const StatisticsDirectory directory = TenPractices();
  std::vector<ReferralFacts> facts;
  for (int i = 0; i < 12; ++i) {
    ReferralFacts f = Fact("01000000", absl::CivilDay(2024, 5, 1 + i));
    f.state = wor::v1::REFERRAL_STATE_COMPLETED;
    f.intake_scores[1] = 4 + i % 2;  // mental wellbeing 4,5,4,5,...
    f.closing_scores[1] = i == 0 ? 7.3 : 7;
    f.intake_scores[2] = 5;  // meaning: closing scores for 9 only
    if (i < 9) f.closing_scores[2] = 6;
    facts.push_back(f);
  }
  GetReferralStatisticsResponse published =
      Build(directory, facts, wor::v1::STATISTICS_DIMENSION_PRACTICE,
            wor::v1::STATISTICS_DIMENSION_UNSPECIFIED);
  ASSERT_EQ(published.wellbeing_size(), 6);
  const auto& mental = published.wellbeing(1);
  EXPECT_EQ(mental.dimension(),
            wor::v1::POSITIVE_HEALTH_DIMENSION_MENTAL_WELLBEING);
  // 12 scored, given as 10; means rounded to 0.1 (7.025 → 7.0, 4.5, 2.5).
  EXPECT_EQ(mental.scored_referrals(), 10);
  EXPECT_DOUBLE_EQ(mental.mean_at_intake(), 4.5);
  EXPECT_DOUBLE_EQ(mental.mean_at_closing(), 7.0);
  EXPECT_DOUBLE_EQ(mental.mean_change(), 2.5);
  // 9 pairs: fewer than 10, nothing given.
  EXPECT_FALSE(published.wellbeing(2).has_scored_referrals());
  EXPECT_FALSE(published.wellbeing(2).has_mean_change());
  EXPECT_EQ(published.wellbeing(0).scored_referrals(), 0);  // none scored
}

TEST(ReferralStatistics, DimensionsAreChecked) {
  wor::v1::GetReferralStatisticsRequest request;
  EXPECT_THAT(ValidateStatisticsDimensions(request).message(),
              ::testing::HasSubstr("rows"));
  request.set_rows(wor::v1::STATISTICS_DIMENSION_MONTH);
  request.set_columns(wor::v1::STATISTICS_DIMENSION_MONTH);
  EXPECT_THAT(ValidateStatisticsDimensions(request).message(),
              ::testing::HasSubstr("columns"));
  request.set_columns(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  EXPECT_TRUE(ValidateStatisticsDimensions(request).ok());
}

}  // namespace
}  // namespace wor::server
