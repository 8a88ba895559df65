#include "plugin/html.h"

#include "absl/strings/str_cat.h"

namespace wor::plugin {

std::string HtmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string HtmlEscapeMultiline(absl::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "<br>";
    } else {
      out += HtmlEscape(absl::string_view(&c, 1));
    }
  }
  return out;
}

std::string FieldId(absl::string_view field) {
  std::string id = "f-";
  for (char c : field) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '_';
    id.push_back(safe ? c : '-');
  }
  return id;
}

}  // namespace wor::plugin
