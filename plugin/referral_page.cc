#include "plugin/referral_page.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/html.h"
#include "plugin/page_layout.h"

namespace wor::plugin {
namespace {

using wor::v1::FormQuestion;

bool HasValue(const FieldValues& values, const std::string& field,
              const std::string& value) {
  auto [begin, end] = values.equal_range(field);
  return std::any_of(begin, end,
                     [&](const auto& entry) { return entry.second == value; });
}

std::string FirstValue(const FieldValues& values, const std::string& field) {
  auto it = values.find(field);
  return it == values.end() ? "" : it->second;
}

const FieldError* ErrorFor(const std::vector<FieldError>& errors,
                           const std::string& field) {
  for (const FieldError& error : errors) {
    if (error.field == field) return &error;
  }
  return nullptr;
}

// The words shown for a server error: for a refused gate question the
// form's own advice in the page's language, else the server's message.
std::string ErrorText(const std::string& lang, const FormQuestion* question,
                      const FieldError& error) {
  if (question != nullptr && error.refusal &&
      question->refusing_answer() != wor::v1::YES_NO_UNSPECIFIED &&
      !Tr(lang, question->refusal_text()).empty()) {
    return Tr(lang, question->refusal_text());
  }
  return error.message;
}

std::string RequiredMark(const std::string& lang, const FormQuestion& q) {
  if (!q.required()) {
    return absl::StrCat(" <span class=\"help\">(",
                        Tr(lang, {"niet verplicht", "optional"}), ")</span>");
  }
  return absl::StrCat(
      " <span class=\"required\" aria-hidden=\"true\">*</span><span "
      "class=\"visually-hidden\"> (",
      Tr(lang, {"verplicht", "required"}), ")</span>");
}

struct Described {
  std::string help_html;    // the help paragraph, or ""
  std::string error_html;   // the error paragraph, or ""
  std::string describedby;  // ' aria-describedby="…"' or ""
  std::string invalid;      // ' aria-invalid="true"' or ""
};

Described Describe(const std::string& lang, const FormQuestion& q,
                   const FieldError* error) {
  Described d;
  const std::string id = FieldId(q.field());
  std::vector<std::string> ids;
  const std::string help = Tr(lang, q.help());
  if (error != nullptr) {
    d.error_html =
        absl::StrCat("<p class=\"error\" id=\"", id,
                     "-error\"><span class=\"visually-hidden\">",
                     Tr(lang, {"Fout: ", "Error: "}), "</span>",
                     HtmlEscapeMultiline(ErrorText(lang, &q, *error)), "</p>");
    ids.push_back(id + "-error");
    d.invalid = " aria-invalid=\"true\"";
  }
  if (!help.empty()) {
    d.help_html = absl::StrCat("<p class=\"help\" id=\"", id, "-help\">",
                               HtmlEscapeMultiline(help), "</p>");
    ids.push_back(id + "-help");
  }
  if (!ids.empty()) {
    d.describedby =
        absl::StrCat(" aria-describedby=\"", absl::StrJoin(ids, " "), "\"");
  }
  return d;
}

std::string RenderChoices(const std::string& lang, const FormQuestion& q,
                          const FieldValues& values, const Described& d) {
  const std::string id = FieldId(q.field());
  const bool multiple = q.kind() == wor::v1::QUESTION_KIND_MULTIPLE_CHOICE;
  struct Choice {
    std::string value;
    std::string label;
  };
  std::vector<Choice> choices;
  if (q.kind() == wor::v1::QUESTION_KIND_YES_NO) {
    choices = {{"YES_NO_YES", Tr(lang, {"Ja", "Yes"})},
               {"YES_NO_NO", Tr(lang, {"Nee", "No"})}};
  } else {
    for (const auto& option : q.options()) {
      choices.push_back({option.value(), Tr(lang, option.label())});
    }
  }
  std::string html = absl::StrCat(
      "<fieldset class=\"question", d.invalid.empty() ? "" : " invalid",
      "\" id=\"", id, "\"", d.describedby, "><legend>",
      HtmlEscape(Tr(lang, q.label())), RequiredMark(lang, q), "</legend>",
      d.error_html, d.help_html);
  int index = 0;
  for (const Choice& choice : choices) {
    const std::string option_id = absl::StrCat(id, "-", index++);
    absl::StrAppend(&html, "<div class=\"option\"><input type=\"",
                    multiple ? "checkbox" : "radio", "\" id=\"", option_id,
                    "\" name=\"", HtmlEscape(q.field()), "\" value=\"",
                    HtmlEscape(choice.value), "\"",
                    HasValue(values, q.field(), choice.value) ? " checked" : "",
                    "><label for=\"", option_id, "\">",
                    HtmlEscape(choice.label), "</label></div>");
  }
  absl::StrAppend(&html, "</fieldset>");
  return html;
}

std::string RenderInput(const std::string& lang, const FormQuestion& q,
                        const FieldValues& values, const Described& d) {
  const std::string id = FieldId(q.field());
  const std::string value = FirstValue(values, q.field());
  std::string control;
  const std::string common = absl::StrCat(
      " id=\"", id, "\" name=\"", HtmlEscape(q.field()), "\"", d.describedby,
      d.invalid, q.required() ? " aria-required=\"true\"" : "",
      q.max_length() > 0 ? absl::StrCat(" maxlength=\"", q.max_length(), "\"")
                         : "");
  switch (q.kind()) {
    case wor::v1::QUESTION_KIND_LONG_TEXT:
      control = absl::StrCat("<textarea", common, ">", HtmlEscape(value),
                             "</textarea>");
      break;
    default: {
      const char* type = "text";
      const char* autocomplete = "";
      if (q.kind() == wor::v1::QUESTION_KIND_DATE) type = "date";
      if (q.kind() == wor::v1::QUESTION_KIND_PHONE) type = "tel";
      if (q.kind() == wor::v1::QUESTION_KIND_EMAIL) type = "email";
      control = absl::StrCat("<input type=\"", type, "\"", common, autocomplete,
                             " value=\"", HtmlEscape(value), "\">");
    }
  }
  return absl::StrCat("<div class=\"question",
                      d.invalid.empty() ? "" : " invalid", "\"><label for=\"",
                      id, "\">", HtmlEscape(Tr(lang, q.label())),
                      RequiredMark(lang, q), "</label>", d.error_html,
                      d.help_html, control, "</div>");
}

std::string RenderQuestion(const std::string& lang, const FormQuestion& q,
                           const FieldValues& values,
                           const std::vector<FieldError>& errors) {
  const Described d = Describe(lang, q, ErrorFor(errors, q.field()));
  switch (q.kind()) {
    case wor::v1::QUESTION_KIND_SINGLE_CHOICE:
    case wor::v1::QUESTION_KIND_MULTIPLE_CHOICE:
    case wor::v1::QUESTION_KIND_YES_NO:
      return RenderChoices(lang, q, values, d);
    default:
      return RenderInput(lang, q, values, d);
  }
}

std::string RenderErrorSummary(const std::string& lang,
                               const wor::v1::ReferralForm& form,
                               const std::vector<FieldError>& errors) {
  if (errors.empty()) return "";
  std::string items;
  for (const FieldError& error : errors) {
    const FormQuestion* q = FindQuestion(form, error.field);
    if (q != nullptr && !IsAnsweredByPlugin(*q)) {
      absl::StrAppend(&items, "<li><a href=\"#", FieldId(q->field()), "\">",
                      HtmlEscape(Tr(lang, q->label())),
                      "</a>: ", HtmlEscapeMultiline(ErrorText(lang, q, error)),
                      "</li>");
    } else {
      absl::StrAppend(&items, "<li>", HtmlEscapeMultiline(error.message),
                      "</li>");
    }
  }
  const bool refusal = errors.front().refusal;
  return absl::StrCat(
      "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" "
      "id=\"error-summary\"><h2>",
      refusal ? Tr(lang, {"De verwijzing is niet verstuurd",
                          "The referral was not sent"})
              : Tr(lang, {"Controleer het formulier", "Please check the form"}),
      "</h2><ul>", items, "</ul></div>");
}

}  // namespace

std::string RenderReferralPage(const ReferralPageInput& input) {
  const std::string lang = NormaliseLang(input.lang);
  std::string body = RenderErrorSummary(lang, input.form, input.errors);
  absl::StrAppend(
      &body, "<p>",
      Tr(lang,
         {"De gegevens uit het dossier zijn al ingevuld. Controleer ze, vul "
          "de rest aan en verstuur de verwijzing naar de welzijnscoach. "
          "Velden met <span class=\"required\">*</span> zijn verplicht.",
          "The data from the record is filled in. Check it, complete the "
          "rest and send the referral to the welfare coach. Fields marked "
          "<span class=\"required\">*</span> are required."}),
      "</p><form method=\"post\" action=\"/referral?lang=", lang,
      "\" novalidate><input type=\"hidden\" name=\"form_nonce\" value=\"",
      HtmlEscape(input.nonce), "\">");
  for (const auto& section : input.form.sections()) {
    std::string questions;
    for (const auto& question : section.questions()) {
      if (IsAnsweredByPlugin(question)) continue;
      absl::StrAppend(&questions, RenderQuestion(lang, question, input.values,
                                                 input.errors));
    }
    if (questions.empty()) continue;
    absl::StrAppend(&body, "<section aria-labelledby=\"s-",
                    HtmlEscape(section.id()), "\"><h2 id=\"s-",
                    HtmlEscape(section.id()), "\">",
                    HtmlEscape(Tr(lang, section.title())), "</h2>");
    const std::string description = Tr(lang, section.description());
    if (!description.empty()) {
      absl::StrAppend(&body, "<p class=\"help\">",
                      HtmlEscapeMultiline(description), "</p>");
    }
    absl::StrAppend(&body, questions, "</section>");
  }
  absl::StrAppend(&body, "<button type=\"submit\">",
                  Tr(lang, {"Verwijzing versturen", "Send referral"}),
                  "</button></form>");
  return RenderPage({.lang = lang,
                     .title = Tr(lang, {"Verwijzen naar de welzijnscoach",
                                        "Refer to the welfare coach"}),
                     .body = body,
                     .path = "/referral",
                     .navigation = true});
}

}  // namespace wor::plugin
