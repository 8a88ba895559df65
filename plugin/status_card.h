// The status card of the patient in context: each of the patient's
// referrals with its state, its deadlines as the server reports them (due,
// met, overdue — the plugin computes none), and the feedback received, its
// content only where the server discloses it.
//
//   std::string html = RenderStatusCard({.lang = "nl", .referrals = items});
#ifndef WOR_PLUGIN_STATUS_CARD_H_
#define WOR_PLUGIN_STATUS_CARD_H_

#include <string>
#include <vector>

#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::plugin {

struct ReferralWithFeedback {
  wor::v1::Referral referral;
  std::vector<wor::v1::Feedback> feedback;
  bool feedback_unavailable = false;  // ListFeedback failed
};

struct StatusCardInput {
  std::string lang = "nl";
  std::vector<ReferralWithFeedback> referrals;
  std::string just_created;  // name of a referral created a moment ago
  std::string notice;        // plain text shown above the card, or ""
};

// The whole page (layout included).
std::string RenderStatusCard(const StatusCardInput& input);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_STATUS_CARD_H_
