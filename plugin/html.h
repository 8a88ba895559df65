// HTML output helpers: every value that reaches a page goes through
// HtmlEscape, whether it came from the EHR, the server or the user.
#ifndef WOR_PLUGIN_HTML_H_
#define WOR_PLUGIN_HTML_H_

#include <string>

#include "absl/strings/string_view.h"

namespace wor::plugin {

// Escapes & < > " ' for use in element content and quoted attributes.
std::string HtmlEscape(absl::string_view text);

// Escaped text with each line break turned into <br>.
std::string HtmlEscapeMultiline(absl::string_view text);

// An element id from a field path: "patient.address.city" →
// "f-patient-address-city".
std::string FieldId(absl::string_view field);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_HTML_H_
