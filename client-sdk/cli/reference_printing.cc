#include "client-sdk/cli/reference_printing.h"

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "client-sdk/cli/format_values.h"

namespace wor::client {
namespace {

std::string Indent(absl::string_view text, absl::string_view indent) {
  return absl::StrCat(
      indent, absl::StrReplaceAll(text, {{"\n", absl::StrCat("\n", indent)}}));
}

void PrintQuestion(const wor::v1::FormQuestion& question,
                   const Messages& messages, std::ostream& out) {
  std::vector<std::string> notes = {question.field(),
                                    EnumText(question.kind())};
  if (question.required()) notes.emplace_back(messages.Text(Msg::kRequired));
  if (question.max_length() > 0) {
    notes.push_back(messages.Format(Msg::kMaxLength, question.max_length()));
  }
  out << "  * " << messages.Pick(question.label()) << "  ["
      << absl::StrJoin(notes, ", ") << "]\n";
  const std::string& help = messages.Pick(question.help());
  if (!help.empty()) out << Indent(help, "      ") << "\n";
  if (question.options_size() > 0) {
    std::vector<std::string> options;
    for (const wor::v1::FormOption& option : question.options()) {
      options.push_back(absl::StrCat(messages.Pick(option.label()), " (",
                                     option.value(), ")"));
    }
    out << "      " << messages.Text(Msg::kOptions) << ": "
        << absl::StrJoin(options, "; ") << "\n";
  }
  if (question.refusing_answer() != wor::v1::YES_NO_UNSPECIFIED) {
    out << "      "
        << messages.Format(Msg::kRefusingAnswer,
                           EnumText(question.refusing_answer()),
                           messages.Pick(question.refusal_text()))
        << "\n";
  }
}

}  // namespace

void PrintFeedback(const wor::v1::Feedback& feedback, const Messages& messages,
                   absl::TimeZone zone, std::ostream& out) {
  out << feedback.name() << "\n";
  out << "  " << messages.Text(Msg::kLabelFeedbackKind) << ": "
      << EnumText(feedback.kind()) << "\n";
  out << "  " << messages.Text(Msg::kLabelSent) << ": "
      << FormatTime(feedback.send_time(), zone) << "\n";
  out << "  " << messages.Text(Msg::kLabelAcknowledged) << ": "
      << (feedback.has_acknowledge_time()
              ? FormatTime(feedback.acknowledge_time(), zone)
              : std::string(messages.Text(Msg::kLabelNotAcknowledged)))
      << "\n";
  out << "  " << messages.Text(Msg::kLabelSummary) << ":\n"
      << Indent(feedback.summary(), "    ") << "\n";
}

void PrintReferralForm(const wor::v1::ReferralForm& form,
                       const Messages& messages, std::ostream& out) {
  out << messages.Format(Msg::kFormTitle, form.version()) << "\n";
  for (const wor::v1::FormSection& section : form.sections()) {
    out << "\n== " << messages.Pick(section.title()) << " (" << section.id()
        << ") ==\n";
    const std::string& description = messages.Pick(section.description());
    if (!description.empty()) out << description << "\n";
    for (const wor::v1::FormQuestion& question : section.questions()) {
      PrintQuestion(question, messages, out);
    }
  }
}

void PrintCatalogue(const wor::v1::ActivityCatalogue& catalogue,
                    const Messages& messages, std::ostream& out) {
  out << messages.Format(Msg::kCatalogueTitle, catalogue.region()) << "\n";
  for (const wor::v1::ActivityCategory& category : catalogue.categories()) {
    out << "\n"
        << category.id() << "  " << messages.Pick(category.title()) << "\n";
    if (category.activities_size() == 0) {
      out << "  " << messages.Text(Msg::kNoActivities) << "\n";
    }
    for (const wor::v1::Activity& activity : category.activities()) {
      std::vector<std::string> where;
      if (!activity.provider().empty()) where.push_back(activity.provider());
      if (!activity.neighbourhood().empty()) {
        where.push_back(activity.neighbourhood());
      }
      out << "  " << activity.id() << "  " << messages.Pick(activity.title());
      if (!where.empty()) out << " (" << absl::StrJoin(where, ", ") << ")";
      out << "\n";
    }
  }
}

}  // namespace wor::client
