#include "referral_lines.h"

#include <cstdio>
#include <optional>

namespace wor_examples {
namespace {

std::string DateOf(const wor::v1::Deadline& deadline) {
  const auto& date = deadline.due_date();
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year(), date.month(),
                date.day());
  return text;
}

// The running deadline due first, as "<what> due <date>".
std::string NearestDeadline(const wor::v1::ReferralDeadlines& deadlines) {
  const std::pair<const char*, const wor::v1::Deadline*> all[] = {
      {"first contact", &deadlines.first_contact_limit()},
      {"intake", &deadlines.intake()},
      {"intake feedback", &deadlines.intake_feedback()},
      {"trajectory end", &deadlines.trajectory_end()},
      {"closing feedback", &deadlines.closing_feedback()},
  };
  std::optional<std::pair<const char*, const wor::v1::Deadline*>> nearest;
  for (const auto& [what, deadline] : all) {
    const bool running =
        deadline->status() == wor::v1::DEADLINE_STATUS_PENDING ||
        deadline->status() == wor::v1::DEADLINE_STATUS_BREACHED;
    if (!running) continue;
    if (!nearest || deadline->due_time().seconds() <
                        nearest->second->due_time().seconds()) {
      nearest.emplace(what, deadline);
    }
  }
  if (!nearest) return "no running deadline";
  std::string line =
      std::string(nearest->first) + " due " + DateOf(*nearest->second);
  if (nearest->second->status() == wor::v1::DEADLINE_STATUS_BREACHED) {
    line += " (OVERDUE)";
  }
  return line;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReferralLines(
    wor::client::ReferralClient& client) {
  wor::v1::ListReferralsRequest request;
  request.set_page_size(50);
  std::vector<std::string> lines;
  for (const absl::StatusOr<wor::v1::Referral>& referral :
       client.ListReferrals(request)) {
    if (!referral.ok()) return referral.status();
    lines.push_back(referral->name() + "  " +
                    wor::v1::ReferralState_Name(referral->state()) + "  " +
                    NearestDeadline(referral->deadlines()));
  }
  return lines;
}

}  // namespace wor_examples
