// Age bands at their edges: birthdays, 29 February, and every band boundary.
#include "server/domain/age_bands.h"

#include "gtest/gtest.h"

namespace wor::server {
namespace {

using absl::CivilDay;

TEST(AgeBandsTest, AgeTurnsOnTheBirthdayNotBefore) {
  EXPECT_EQ(AgeInYears(CivilDay(1958, 3, 14), CivilDay(2026, 3, 13)), 67);
  EXPECT_EQ(AgeInYears(CivilDay(1958, 3, 14), CivilDay(2026, 3, 14)), 68);
}

TEST(AgeBandsTest, BornOn29FebruaryAgesOn1MarchInOtherYears) {
  EXPECT_EQ(AgeInYears(CivilDay(2008, 2, 29), CivilDay(2026, 2, 28)), 17);
  EXPECT_EQ(AgeInYears(CivilDay(2008, 2, 29), CivilDay(2026, 3, 1)), 18);
  EXPECT_EQ(AgeInYears(CivilDay(2008, 2, 29), CivilDay(2028, 2, 29)), 20);
}

TEST(AgeBandsTest, EveryBoundaryFallsInTheHigherBand) {
  const CivilDay on(2026, 4, 23);
  struct Case {
    int age;
    AgeBand band;
    const char* label;
  };
  const Case cases[] = {
      {0, AgeBand::kUnder18, "0-17"},   {17, AgeBand::kUnder18, "0-17"},
      {18, AgeBand::k18To24, "18-24"},  {24, AgeBand::k18To24, "18-24"},
      {25, AgeBand::k25To44, "25-44"},  {44, AgeBand::k25To44, "25-44"},
      {45, AgeBand::k45To64, "45-64"},  {64, AgeBand::k45To64, "45-64"},
      {65, AgeBand::k65To74, "65-74"},  {74, AgeBand::k65To74, "65-74"},
      {75, AgeBand::k75AndOver, "75+"}, {104, AgeBand::k75AndOver, "75+"},
  };
  for (const Case& c : cases) {
    const CivilDay birth(on.year() - c.age, on.month(), on.day());
    EXPECT_EQ(AgeBandOf(birth, on), c.band) << c.age;
    EXPECT_EQ(AgeBandLabel(AgeBandOf(birth, on)), c.label) << c.age;
    // One day before the birthday, still the band of the age below.
    if (c.age > 0) {
      EXPECT_EQ(AgeInYears(birth, on - 1), c.age - 1);
    }
  }
}

}  // namespace
}  // namespace wor::server
