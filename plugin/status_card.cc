#include "plugin/status_card.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "plugin/html.h"
#include "plugin/page_layout.h"

namespace wor::plugin {
namespace {

Text StateText(wor::v1::ReferralState state) {
  switch (state) {
    case wor::v1::REFERRAL_STATE_REQUESTED:
      return {"verstuurd, nog niet opgepakt", "sent, not yet taken up"};
    case wor::v1::REFERRAL_STATE_ACCEPTED:
      return {"opgepakt door de welzijnsorganisatie",
              "taken up by the welfare organisation"};
    case wor::v1::REFERRAL_STATE_REJECTED:
      return {"afgewezen door de welzijnsorganisatie",
              "rejected by the welfare organisation"};
    case wor::v1::REFERRAL_STATE_CONTACTED:
      return {"coach heeft contact gehad", "the coach has made contact"};
    case wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED:
      return {"intake gepland", "intake scheduled"};
    case wor::v1::REFERRAL_STATE_INTAKE_DONE:
      return {"intake gehouden", "intake held"};
    case wor::v1::REFERRAL_STATE_IN_PROGRESS:
      return {"traject loopt", "trajectory in progress"};
    case wor::v1::REFERRAL_STATE_COMPLETED:
      return {"afgerond", "completed"};
    case wor::v1::REFERRAL_STATE_CANCELLED:
      return {"geannuleerd", "cancelled"};
    case wor::v1::REFERRAL_STATE_ON_HOLD:
      return {"gepauzeerd", "on hold"};
    default:
      return {"onbekend", "unknown"};
  }
}

struct StatusView {
  Text text;
  const char* css;
};

StatusView DeadlineStatusView(wor::v1::DeadlineStatus status) {
  switch (status) {
    case wor::v1::DEADLINE_STATUS_PENDING:
      return {{"loopt", "due"}, "status-due"};
    case wor::v1::DEADLINE_STATUS_MET_ON_TIME:
      return {{"gehaald", "met"}, "status-met"};
    case wor::v1::DEADLINE_STATUS_MET_LATE:
      return {{"gehaald, te laat", "met late"}, "status-overdue"};
    case wor::v1::DEADLINE_STATUS_NOT_APPLICABLE:
      return {{"niet van toepassing", "not applicable"}, ""};
    case wor::v1::DEADLINE_STATUS_PAUSED:
      return {{"gepauzeerd", "paused"}, ""};
    case wor::v1::DEADLINE_STATUS_BREACHED:
      return {{"te laat", "overdue"}, "status-overdue"};
    default:
      return {{"onbekend", "unknown"}, ""};
  }
}

Text FeedbackKindText(wor::v1::FeedbackKind kind) {
  switch (kind) {
    case wor::v1::FEEDBACK_KIND_AFTER_INTAKE:
      return {"na de intake", "after the intake"};
    case wor::v1::FEEDBACK_KIND_AT_CLOSING:
      return {"bij afronding", "at closing"};
    case wor::v1::FEEDBACK_KIND_INTERIM:
      return {"tussentijds", "interim"};
    default:
      return {"terugkoppeling", "feedback"};
  }
}

std::string Date(const wor::v1::LocalDate& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(),
                         date.day());
}

std::string Time(const google::protobuf::Timestamp& t) {
  static const absl::TimeZone* kAmsterdam = [] {
    auto* zone = new absl::TimeZone;
    if (!absl::LoadTimeZone("Europe/Amsterdam", zone))
      *zone = absl::UTCTimeZone();
    return zone;
  }();
  return absl::FormatTime("%Y-%m-%d %H:%M", absl::FromUnixSeconds(t.seconds()),
                          *kAmsterdam);
}

std::string DeadlineRows(const std::string& lang,
                         const wor::v1::ReferralDeadlines& deadlines) {
  struct Row {
    Text label;
    bool present;
    const wor::v1::Deadline& deadline;
  };
  const Row rows[] = {
      {{"eerste contact (streef)", "first contact (target)"},
       deadlines.has_first_contact_target(),
       deadlines.first_contact_target()},
      {{"eerste contact (uiterlijk)", "first contact (limit)"},
       deadlines.has_first_contact_limit(),
       deadlines.first_contact_limit()},
      {{"intake", "intake"}, deadlines.has_intake(), deadlines.intake()},
      {{"terugkoppeling na intake", "feedback after intake"},
       deadlines.has_intake_feedback(),
       deadlines.intake_feedback()},
      {{"einde traject", "end of trajectory"},
       deadlines.has_trajectory_end(),
       deadlines.trajectory_end()},
      {{"terugkoppeling bij afronding", "feedback at closing"},
       deadlines.has_closing_feedback(),
       deadlines.closing_feedback()},
  };
  std::string html;
  for (const Row& row : rows) {
    if (!row.present) continue;
    const StatusView view = DeadlineStatusView(row.deadline.status());
    absl::StrAppend(&html, "<tr><th scope=\"row\">", Tr(lang, row.label),
                    "</th><td>", HtmlEscape(Date(row.deadline.due_date())),
                    "</td><td class=\"", view.css, "\">", Tr(lang, view.text),
                    "</td></tr>");
  }
  return html;
}

std::string FeedbackList(const std::string& lang,
                         const ReferralWithFeedback& item) {
  if (item.feedback_unavailable) {
    return absl::StrCat("<p>",
                        Tr(lang, {"De terugkoppeling kon nu niet worden "
                                  "opgehaald. Probeer het later opnieuw.",
                                  "The feedback could not be fetched now. "
                                  "Please try again later."}),
                        "</p>");
  }
  if (item.feedback.empty()) {
    return absl::StrCat("<p>",
                        Tr(lang, {"Nog geen terugkoppeling ontvangen.",
                                  "No feedback received yet."}),
                        "</p>");
  }
  std::string html = "<ul class=\"feedback\">";
  for (const wor::v1::Feedback& feedback : item.feedback) {
    absl::StrAppend(&html, "<li><strong>",
                    Tr(lang, FeedbackKindText(feedback.kind())), "</strong> (",
                    HtmlEscape(Time(feedback.send_time())), ")");
    if (feedback.has_acknowledge_time()) {
      absl::StrAppend(&html, " — ",
                      Tr(lang, {"in het dossier", "in the record"}));
    }
    if (feedback.content_withheld()) {
      absl::StrAppend(
          &html, "<p class=\"withheld\">",
          Tr(lang, {"Er is terugkoppeling, maar de inhoud wordt niet gedeeld: "
                    "de patiënt geeft (nog) geen toestemming voor "
                    "terugkoppeling aan de verwijzer.",
                    "Feedback exists, but its content is not shared: the "
                    "patient has not consented (or no longer consents) to "
                    "feedback to "
                    "the referrer."}),
          "</p>");
    } else {
      absl::StrAppend(&html, "<p>", HtmlEscapeMultiline(feedback.summary()),
                      "</p>");
    }
    absl::StrAppend(&html, "</li>");
  }
  return html + "</ul>";
}

}  // namespace

std::string RenderStatusCard(const StatusCardInput& input) {
  const std::string lang = NormaliseLang(input.lang);
  std::string body;
  if (!input.notice.empty()) {
    absl::StrAppend(&body, "<div class=\"notice\" role=\"status\"><p>",
                    HtmlEscape(input.notice), "</p></div>");
  }
  if (input.referrals.empty()) {
    absl::StrAppend(
        &body, "<p>",
        Tr(lang, {"Deze patiënt heeft nog geen verwijzing naar Welzijn op "
                  "Recept.",
                  "This patient has no Welzijn op Recept referral yet."}),
        " <a href=\"/referral?lang=", lang, "\">",
        Tr(lang, {"Nu verwijzen", "Refer now"}), "</a></p>");
  }
  for (const ReferralWithFeedback& item : input.referrals) {
    const wor::v1::Referral& r = item.referral;
    const bool fresh = r.name() == input.just_created;
    absl::StrAppend(
        &body, "<section class=\"card\" data-referral=\"", HtmlEscape(r.name()),
        "\" aria-labelledby=\"", HtmlEscape(FieldId(r.name())), "\"><h2 id=\"",
        HtmlEscape(FieldId(r.name())), "\">",
        Tr(lang, {"Verwijzing van ", "Referral of "}),
        HtmlEscape(Time(r.create_time())),
        fresh ? Tr(lang, {" (zojuist verstuurd)", " (just sent)"}) : "",
        "</h2><p><strong>", Tr(lang, {"Status: ", "State: "}), "</strong>",
        "<span class=\"state\" data-state=\"",
        HtmlEscape(wor::v1::ReferralState_Name(r.state())), "\">",
        Tr(lang, StateText(r.state())), "</span></p>");
    const std::string rows = DeadlineRows(lang, r.deadlines());
    if (!rows.empty()) {
      absl::StrAppend(&body, "<table><caption class=\"visually-hidden\">",
                      Tr(lang, {"Termijnen", "Deadlines"}),
                      "</caption><thead><tr><th scope=\"col\">",
                      Tr(lang, {"Termijn", "Deadline"}),
                      "</th><th scope=\"col\">", Tr(lang, {"Uiterlijk", "Due"}),
                      "</th><th scope=\"col\">", Tr(lang, {"Stand", "Status"}),
                      "</th></tr></thead><tbody>", rows, "</tbody></table>");
    }
    absl::StrAppend(&body, "<h3>", Tr(lang, {"Terugkoppeling", "Feedback"}),
                    "</h3>", FeedbackList(lang, item), "</section>");
  }
  return RenderPage({.lang = lang,
                     .title = Tr(lang, {"Welzijn op Recept voor deze patiënt",
                                        "Welzijn op Recept for this patient"}),
                     .body = body,
                     .path = "/status",
                     .navigation = true});
}

}  // namespace wor::plugin
