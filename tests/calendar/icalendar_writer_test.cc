// The iCalendar text: RFC 5545 line ends, folding, escaping and times.
#include "server/calendar/icalendar_writer.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/calendar/calendar_test_referrals.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

absl::TimeZone Amsterdam() {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone("Europe/Amsterdam", &zone));
  return zone;
}

CalendarEntry TimedEntry(absl::CivilSecond start) {
  CalendarEntry entry;
  entry.coach = kCoachAnna;
  entry.uid = "wor-x-intake@welzijnoprecept";
  entry.summary = "Intake — verwijzing x";
  entry.location = "Buurthuis";
  entry.start = AmsterdamTime(start);
  entry.end = entry.start + absl::Hours(1);
  entry.sequence = 3;
  return entry;
}

// The unfolded content lines (RFC 5545 3.1).
std::vector<std::string> Unfold(const std::string& ics) {
  std::vector<std::string> lines;
  for (absl::string_view physical : absl::StrSplit(ics, "\r\n")) {
    if (!physical.empty() && physical[0] == ' ') {
      absl::StrAppend(&lines.back(), physical.substr(1));
    } else if (!physical.empty()) {
      lines.emplace_back(physical);
    }
  }
  return lines;
}

TEST(ICalendarWriter, EveryLineEndsInCrlfAndNoneIsLongerThan75Octets) {
  CalendarEntry entry = TimedEntry(absl::CivilSecond(2026, 11, 24, 10, 0, 0));
  entry.summary = std::string(200, 'x') + "ééé" + std::string(100, 'y');
  const std::string ics =
      WriteICalendar({entry}, absl::UnixEpoch(), Amsterdam());
  ASSERT_TRUE(absl::EndsWith(ics, "END:VCALENDAR\r\n"));
  for (absl::string_view line : absl::StrSplit(ics, "\r\n")) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(line.find('\n'), absl::string_view::npos);
    EXPECT_EQ(line.find('\r'), absl::string_view::npos);
  }
}

TEST(ICalendarWriter, FoldingNeverSplitsAUtf8Character) {
  const std::string line = "SUMMARY:" + std::string(66, 'a') + "€€€€€€";
  const std::string folded = FoldContentLine(line);
  for (absl::string_view physical : absl::StrSplit(folded, "\r\n")) {
    if (physical.empty()) continue;
    const unsigned char first = static_cast<unsigned char>(
        physical[0] == ' ' && physical.size() > 1 ? physical[1] : physical[0]);
    EXPECT_NE(first & 0xC0, 0x80) << "a line starts inside a character";
  }
  EXPECT_EQ(Unfold(folded), std::vector<std::string>{line});
}

TEST(ICalendarWriter, AShortLineIsNotFolded) {
  EXPECT_EQ(FoldContentLine("VERSION:2.0"), "VERSION:2.0\r\n");
  const std::string exactly75(75, 'a');
  EXPECT_EQ(FoldContentLine(exactly75), exactly75 + "\r\n");
  EXPECT_EQ(FoldContentLine(exactly75 + "b"), exactly75 + "\r\n b\r\n");
}

TEST(ICalendarWriter, TextIsEscaped) {
  EXPECT_EQ(EscapeText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  CalendarEntry entry = TimedEntry(absl::CivilSecond(2026, 11, 24, 10, 0, 0));
  entry.location = "Buurthuis, zaal 1; achteringang";
  const std::vector<std::string> lines =
      Unfold(WriteICalendar({entry}, absl::UnixEpoch(), Amsterdam()));
  EXPECT_THAT(
      lines, testing::Contains("LOCATION:Buurthuis\\, zaal 1\\; achteringang"));
}

TEST(ICalendarWriter, TimedEntriesAreLocalAmsterdamTimeWithItsVtimezone) {
  const std::vector<std::string> winter = Unfold(
      WriteICalendar({TimedEntry(absl::CivilSecond(2026, 11, 24, 10, 0, 0))},
                     absl::FromUnixSeconds(1795000000), Amsterdam()));
  EXPECT_THAT(winter, testing::Contains(
                          "DTSTART;TZID=Europe/Amsterdam:20261124T100000"));
  EXPECT_THAT(winter,
              testing::Contains("DTEND;TZID=Europe/Amsterdam:20261124T110000"));
  EXPECT_THAT(winter, testing::Contains("BEGIN:VTIMEZONE"));
  EXPECT_THAT(winter, testing::Contains("TZID:Europe/Amsterdam"));
  EXPECT_THAT(winter,
              testing::Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
  EXPECT_THAT(winter, testing::Contains("DTSTAMP:20261118T110640Z"));
  EXPECT_THAT(winter, testing::Contains("SEQUENCE:3"));
  EXPECT_THAT(winter, testing::Contains("VERSION:2.0"));
  EXPECT_THAT(winter, testing::Contains(testing::StartsWith("PRODID:")));
  // Summer time: 10:00 local is 08:00 UTC, still written as 10:00 local.
  const std::vector<std::string> summer = Unfold(
      WriteICalendar({TimedEntry(absl::CivilSecond(2026, 7, 1, 10, 0, 0))},
                     absl::UnixEpoch(), Amsterdam()));
  EXPECT_THAT(summer, testing::Contains(
                          "DTSTART;TZID=Europe/Amsterdam:20260701T100000"));
}

TEST(ICalendarWriter, AllDayEntriesAreDatesEndingTheNextDay) {
  CalendarEntry entry;
  entry.coach = kCoachAnna;
  entry.uid = "u";
  entry.summary = "Deadline";
  entry.all_day = true;
  entry.day = absl::CivilDay(2026, 12, 31);
  const std::vector<std::string> lines =
      Unfold(WriteICalendar({entry}, absl::UnixEpoch(), Amsterdam()));
  EXPECT_THAT(lines, testing::Contains("DTSTART;VALUE=DATE:20261231"));
  EXPECT_THAT(lines, testing::Contains("DTEND;VALUE=DATE:20270101"));
}

TEST(ICalendarWriter, AnEmptyCalendarIsStillAValidDocument) {
  const std::vector<std::string> lines =
      Unfold(WriteICalendar({}, absl::UnixEpoch(), Amsterdam()));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_THAT(lines, Not(testing::Contains("BEGIN:VEVENT")));
}

}  // namespace
}  // namespace wor::server
