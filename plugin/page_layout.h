// The frame of every page the plugin serves: language, title, styles (high
// contrast, visible focus), the nl/en switch, and the pieces of text that
// are the plugin's own (the questions and their texts come from the server).
//
//   std::string html = RenderPage({.lang = "nl", .title = ..., .body = ...});
#ifndef WOR_PLUGIN_PAGE_LAYOUT_H_
#define WOR_PLUGIN_PAGE_LAYOUT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "wor/v1/common.pb.h"

namespace wor::plugin {

// A text of the plugin's own in both languages.
struct Text {
  const char* nl;
  const char* en;
};

// "nl" unless `lang` is "en".
std::string NormaliseLang(absl::string_view lang);

// The text in `lang`, not escaped.
std::string Tr(absl::string_view lang, const Text& text);
// The server's localized text in `lang` (falls back to Dutch), not escaped.
std::string Tr(absl::string_view lang, const wor::v1::LocalizedText& text);

struct Page {
  std::string lang = "nl";
  std::string title;        // plain text; escaped by RenderPage
  std::string body;         // HTML
  std::string path = "/";   // this page's path, for the language switch
  bool navigation = false;  // links to the form and the status card
  bool language_switch = true;
};

std::string RenderPage(const Page& page);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_PAGE_LAYOUT_H_
