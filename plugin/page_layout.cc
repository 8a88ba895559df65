#include "plugin/page_layout.h"

#include "absl/strings/str_cat.h"
#include "plugin/html.h"

namespace wor::plugin {
namespace {

// Body text #1b1b1b on white (contrast 17:1); the accent #0b4f8a on white
// 8.6:1; focus: a 3px outline in #b35900 plus offset, never removed.
constexpr char kStyles[] = R"css(
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1b1b1b;background:#fff;margin:0}
header{background:#0b4f8a;color:#fff;padding:.75rem 1.25rem;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:.5rem}
header a{color:#fff}
header .brand{font-weight:700;font-size:1.15rem}
nav a{margin-right:1rem}
main{max-width:52rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #d0d7de;padding-bottom:.25rem}
a{color:#0b4f8a}
a:focus,input:focus,textarea:focus,button:focus,select:focus{outline:3px solid #b35900;outline-offset:2px}
label,legend{font-weight:600;display:block;margin-bottom:.25rem}
fieldset{border:1px solid #8c959f;border-radius:4px;margin:0 0 1.25rem;padding:.5rem 1rem 1rem}
legend{padding:0 .25rem}
.question{margin:0 0 1.25rem}
.option{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0;font-weight:400}
.option input{margin-top:.3rem;width:1.15rem;height:1.15rem}
.option label{font-weight:400;margin:0}
input[type=text],input[type=tel],input[type=email],input[type=date],textarea{width:100%;max-width:36rem;padding:.5rem;font-size:1rem;border:2px solid #57606a;border-radius:4px;color:#1b1b1b;background:#fff}
textarea{min-height:8rem}
.help{color:#3d444d;margin:.1rem 0 .4rem;font-size:.95rem}
.required{color:#a40e26;font-weight:700}
.error{color:#a40e26;font-weight:600;margin:.25rem 0}
.invalid input[type=text],.invalid input[type=tel],.invalid input[type=email],.invalid input[type=date],.invalid textarea{border-color:#a40e26}
.invalid{border-left:4px solid #a40e26;padding-left:.75rem}
.summary{border:3px solid #a40e26;padding:1rem;margin:0 0 1.5rem;border-radius:4px}
.summary h2{margin-top:0;border:0}
.notice{border:3px solid #0b4f8a;padding:1rem;margin:0 0 1.5rem;border-radius:4px;background:#f0f6fc}
button{background:#0b4f8a;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;font-size:1.05rem;font-weight:600;cursor:pointer}
button:hover{background:#083a66}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
.card{border:1px solid #8c959f;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.5rem}
.card h2{margin-top:0}
.status-met{color:#116329;font-weight:600}
.status-overdue{color:#a40e26;font-weight:700}
.status-due{color:#1b1b1b;font-weight:600}
.withheld{font-style:italic;color:#3d444d}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.lang a[aria-current]{font-weight:700;text-decoration:none}
nav a[aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid #fff}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#0b4f8a;padding:.5rem 1rem;z-index:1}
.skip:focus{left:0}
)css";

}  // namespace

std::string NormaliseLang(absl::string_view lang) {
  return lang == "en" ? "en" : "nl";
}

std::string Tr(absl::string_view lang, const Text& text) {
  return lang == "en" ? text.en : text.nl;
}

std::string Tr(absl::string_view lang, const wor::v1::LocalizedText& text) {
  if (lang == "en" && !text.en().empty()) return text.en();
  return text.nl();
}

std::string RenderPage(const Page& page) {
  const std::string lang = NormaliseLang(page.lang);
  auto lang_link = [&](const char* code, const char* label) {
    return absl::StrCat(
        "<a href=\"", HtmlEscape(page.path), "?lang=", code, "\" lang=\"", code,
        "\"", lang == code ? " aria-current=\"true\"" : "", ">", label, "</a>");
  };
  std::string nav;
  if (page.navigation) {
    auto link = [&](const char* path, const Text& label) {
      return absl::StrCat("<a href=\"", path, "?lang=", lang, "\"",
                          page.path == path ? " aria-current=\"page\"" : "",
                          ">", Tr(lang, label), "</a>");
    };
    nav =
        absl::StrCat("<nav aria-label=\"", Tr(lang, {"Hoofdmenu", "Main menu"}),
                     "\">", link("/referral", {"Verwijzen", "Refer"}),
                     link("/status", {"Status", "Status"}), "</nav>");
  }
  std::string switcher;
  if (page.language_switch) {
    switcher =
        absl::StrCat("<span class=\"lang\">", lang_link("nl", "Nederlands"),
                     " | ", lang_link("en", "English"), "</span>");
  }
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", lang,
      "\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>",
      HtmlEscape(page.title), " — Welzijn op Recept</title><style>", kStyles,
      "</style></head><body><a class=\"skip\" href=\"#main\">",
      Tr(lang, {"Naar de inhoud", "Skip to content"}),
      "</a><header><span class=\"brand\">Welzijn op Recept</span>", nav,
      switcher, "</header><main id=\"main\" tabindex=\"-1\"><h1>",
      HtmlEscape(page.title), "</h1>", page.body, "</main></body></html>\n");
}

}  // namespace wor::plugin
