#include "server/calendar/icalendar_writer.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"

namespace wor::server {
namespace {

constexpr size_t kMaxLineOctets = 75;
constexpr absl::string_view kTimeZoneId = "Europe/Amsterdam";

// Europe/Amsterdam since 1996 (EU rules): CEST from the last Sunday of March
// 02:00, CET from the last Sunday of October 03:00.
constexpr absl::string_view kAmsterdamTimeZone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string LocalDateTime(absl::Time t, absl::TimeZone zone) {
  return absl::FormatTime("%Y%m%dT%H%M%S", t, zone);
}

std::string UtcDateTime(absl::Time t) {
  return absl::FormatTime("%Y%m%dT%H%M%SZ", t, absl::UTCTimeZone());
}

std::string Date(absl::CivilDay day) {
  return absl::StrCat(absl::Dec(day.year(), absl::kZeroPad4),
                      absl::Dec(day.month(), absl::kZeroPad2),
                      absl::Dec(day.day(), absl::kZeroPad2));
}

void AppendEvent(const CalendarEntry& entry, absl::Time dtstamp,
                 absl::TimeZone zone, std::string& out) {
  auto line = [&out](absl::string_view content) {
    out += FoldContentLine(content);
  };
  line("BEGIN:VEVENT");
  line(absl::StrCat("UID:", EscapeText(entry.uid)));
  line(absl::StrCat("DTSTAMP:", UtcDateTime(dtstamp)));
  line(absl::StrCat("SEQUENCE:", entry.sequence));
  if (entry.all_day) {
    line(absl::StrCat("DTSTART;VALUE=DATE:", Date(entry.day)));
    line(absl::StrCat("DTEND;VALUE=DATE:", Date(entry.day + 1)));
    line("TRANSP:TRANSPARENT");
  } else {
    line(absl::StrCat("DTSTART;TZID=", kTimeZoneId, ":",
                      LocalDateTime(entry.start, zone)));
    line(absl::StrCat("DTEND;TZID=", kTimeZoneId, ":",
                      LocalDateTime(entry.end, zone)));
    line("STATUS:CONFIRMED");
  }
  line(absl::StrCat("SUMMARY:", EscapeText(entry.summary)));
  if (!entry.description.empty()) {
    line(absl::StrCat("DESCRIPTION:", EscapeText(entry.description)));
  }
  if (!entry.location.empty()) {
    line(absl::StrCat("LOCATION:", EscapeText(entry.location)));
  }
  line("CLASS:CONFIDENTIAL");
  line("END:VEVENT");
}

}  // namespace

std::string EscapeText(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;  // a CRLF in the text becomes one escaped newline
      default:
        out += c;
    }
  }
  return out;
}

std::string FoldContentLine(absl::string_view line) {
  std::string out;
  // The first physical line holds 75 octets; continuation lines start with
  // a space, which counts, so they hold 74 more.
  size_t budget = kMaxLineOctets;
  while (line.size() > budget) {
    size_t cut = budget;
    while (cut > 0 && IsContinuationByte(line[cut])) --cut;
    if (cut == 0) cut = budget;  // not UTF-8; cut anyway
    absl::StrAppend(&out, line.substr(0, cut), "\r\n ");
    line.remove_prefix(cut);
    budget = kMaxLineOctets - 1;
  }
  absl::StrAppend(&out, line, "\r\n");
  return out;
}

std::string WriteICalendar(const std::vector<CalendarEntry>& entries,
                           absl::Time dtstamp, absl::TimeZone zone) {
  std::string out;
  out += FoldContentLine("BEGIN:VCALENDAR");
  out += FoldContentLine("VERSION:2.0");
  out += FoldContentLine("PRODID:-//Welzijn op Recept//Coach calendar//NL");
  out += FoldContentLine("CALSCALE:GREGORIAN");
  bool timed = false;
  for (const CalendarEntry& entry : entries) timed = timed || !entry.all_day;
  if (timed) {
    for (absl::string_view line : kAmsterdamTimeZone) {
      out += FoldContentLine(line);
    }
  }
  for (const CalendarEntry& entry : entries) {
    AppendEvent(entry, dtstamp, zone, out);
  }
  out += FoldContentLine("END:VCALENDAR");
  return out;
}

}  // namespace wor::server
