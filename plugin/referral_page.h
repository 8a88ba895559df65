// The referral form page: every section and question of the server's
// ReferralForm, in its order and with its texts, as plain HTML that works
// without JavaScript. Values are prefilled (from the EHR) or kept (after a
// refusal); the server's errors appear next to the question they name and
// in a summary at the top that links to them.
//
//   std::string html = RenderReferralPage({.form = form, .values = values,
//                                          .lang = "nl", .nonce = nonce});
#ifndef WOR_PLUGIN_REFERRAL_PAGE_H_
#define WOR_PLUGIN_REFERRAL_PAGE_H_

#include <string>
#include <vector>

#include "plugin/referral_request_mapping.h"
#include "plugin/session_store.h"
#include "wor/v1/referral_form.pb.h"

namespace wor::plugin {

struct ReferralPageInput {
  const wor::v1::ReferralForm& form;
  const FieldValues& values;
  std::string lang = "nl";
  std::string nonce;               // hidden; identifies this form
  std::vector<FieldError> errors;  // from the server
};

// The whole page (layout included).
std::string RenderReferralPage(const ReferralPageInput& input);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_REFERRAL_PAGE_H_
