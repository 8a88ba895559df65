#include "client-sdk/cli/worklist_output.h"

#include <algorithm>
#include <ostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/substitute.h"
#include "client-sdk/cli/format_values.h"
#include "client-sdk/cli/value_parsers.h"

namespace wor::client {
namespace {

constexpr size_t kStateWidth = 16;
constexpr size_t kKindWidth = 28;
constexpr size_t kDateWidth = 10;

// Pads to `width` characters (not bytes: labels hold "ï" and "—").
std::string Pad(absl::string_view text, size_t width) {
  std::string padded(text);
  size_t characters = 0;
  for (char c : padded) {
    characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  if (characters < width) padded.append(width - characters, ' ');
  return padded;
}

// A JSON string literal. The values are names, enum names and dates, but
// escape properly all the same.
std::string JsonString(absl::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&quoted, "\\u%04x", c);
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

std::string JsonTime(const google::protobuf::Timestamp& timestamp) {
  return JsonString(absl::FormatTime(
      "%Y-%m-%dT%H:%M:%SZ", FromTimestamp(timestamp), absl::UTCTimeZone()));
}

std::string JsonNextDeadline(const std::optional<NextDeadline>& next) {
  if (!next) return "null";
  const wor::v1::Deadline& d = next->deadline;
  return absl::StrCat(
      "{\"kind\":", JsonString(wor::v1::DeadlineKind_Name(next->kind)),
      ",\"dueDate\":", JsonString(FormatDate(d.due_date())),
      ",\"dueTime\":", JsonTime(d.due_time()),
      ",\"status\":", JsonString(wor::v1::DeadlineStatus_Name(d.status())),
      ",\"overdue\":", next->overdue ? "true" : "false",
      ",\"workingDays\":", next->working_days, "}");
}

}  // namespace

std::string DeadlineKindText(wor::v1::DeadlineKind kind,
                             const Messages& messages) {
  switch (kind) {
    case wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET:
      return std::string(messages.Text(Msg::kLabelContactTarget));
    case wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT:
      return std::string(messages.Text(Msg::kLabelContactLimit));
    case wor::v1::DEADLINE_KIND_INTAKE:
      return std::string(messages.Text(Msg::kLabelIntakeDeadline));
    case wor::v1::DEADLINE_KIND_TRAJECTORY_END:
      return std::string(messages.Pick("einde traject", "end of trajectory"));
    case wor::v1::DEADLINE_KIND_INTAKE_FEEDBACK:
      return std::string(
          messages.Pick("terugkoppeling na intake", "feedback after intake"));
    case wor::v1::DEADLINE_KIND_CLOSING_FEEDBACK:
      return std::string(messages.Pick("terugkoppeling bij afsluiting",
                                       "feedback at closing"));
    default:
      return "—";
  }
}

std::string DeadlineStandingText(const NextDeadline& next,
                                 const Messages& messages) {
  const int days = next.working_days;
  if (next.overdue) {
    return absl::Substitute(
        messages.Pick("TE LAAT: $0 werkdag$1", "OVERDUE: $0 working day$1"),
        days, days == 1 ? "" : messages.Pick("en", "s"));
  }
  if (days == 0) return std::string(messages.Pick("vandaag", "today"));
  return absl::Substitute(
      messages.Pick("nog $0 werkdag$1", "$0 working day$1 left"), days,
      days == 1 ? "" : messages.Pick("en", "s"));
}

void PrintWorklistTable(const std::vector<WorklistEntry>& entries,
                        const Messages& messages, std::ostream& out) {
  size_t name_width = messages.Pick("VERWIJZING", "REFERRAL").size();
  for (const WorklistEntry& entry : entries) {
    name_width = std::max(name_width, entry.referral.name().size());
  }
  out << "  " << Pad(messages.Pick("VERWIJZING", "REFERRAL"), name_width)
      << "  " << Pad(messages.Pick("STATUS", "STATE"), kStateWidth) << "  "
      << Pad(messages.Pick("VOLGENDE TERMIJN", "NEXT DEADLINE"), kKindWidth)
      << "  " << Pad(messages.Pick("UITERLIJK", "DUE"), kDateWidth) << "  "
      << messages.Pick("STAND", "STANDING") << "\n";
  for (const WorklistEntry& entry : entries) {
    const bool overdue = entry.next && entry.next->overdue;
    out << (overdue ? "! " : "  ") << Pad(entry.referral.name(), name_width)
        << "  " << Pad(EnumText(entry.referral.state()), kStateWidth) << "  ";
    if (entry.next) {
      out << Pad(DeadlineKindText(entry.next->kind, messages), kKindWidth)
          << "  "
          << Pad(FormatDate(entry.next->deadline.due_date()), kDateWidth)
          << "  " << DeadlineStandingText(*entry.next, messages);
    } else {
      out << Pad("—", kKindWidth) << "  " << Pad("", kDateWidth) << "  "
          << (entry.referral.state() == wor::v1::REFERRAL_STATE_ON_HOLD
                  ? messages.Pick("gepauzeerd", "paused")
                  : messages.Pick("geen lopende termijn",
                                  "no running deadline"));
    }
    out << "\n";
  }
}

void PrintWorklistJson(const std::vector<WorklistEntry>& entries,
                       absl::string_view coach, std::ostream& out) {
  out << "{\"coach\":" << JsonString(coach) << ",\"referrals\":[";
  bool first = true;
  for (const WorklistEntry& entry : entries) {
    const wor::v1::Referral& referral = entry.referral;
    out << (first ? "" : ",") << "{\"name\":" << JsonString(referral.name())
        << ",\"state\":"
        << JsonString(wor::v1::ReferralState_Name(referral.state()))
        << ",\"assignedCoach\":" << JsonString(referral.assigned_coach())
        << ",\"nextDeadline\":" << JsonNextDeadline(entry.next) << "}";
    first = false;
  }
  out << "]}" << std::endl;
}

}  // namespace wor::client
