#include "client-sdk/cli/referral_printing.h"

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "client-sdk/cli/format_values.h"
#include "client-sdk/cli/value_parsers.h"

namespace wor::client {
namespace {

using wor::v1::Referral;

constexpr size_t kLabelWidth = 22;
constexpr size_t kDeadlineLabelWidth = 28;
constexpr size_t kStateWidth = 16;
constexpr size_t kEventTypeWidth = 24;
constexpr size_t kConsentActionWidth = 11;

std::string PadRight(absl::string_view text, size_t width) {
  std::string padded(text);
  // Labels contain "ë" and "ï": count characters, not bytes.
  size_t characters = 0;
  for (char c : padded)
    characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (characters < width) padded.append(width - characters, ' ');
  return padded;
}

// Continuation lines of a multi-line value line up under its first line.
std::string IndentContinuation(absl::string_view text) {
  return absl::StrReplaceAll(
      text, {{"\n", absl::StrCat("\n", std::string(kLabelWidth + 3, ' '))}});
}

template <typename Enum, typename Repeated>
std::string EnumList(const Repeated& values) {
  std::vector<std::string> texts;
  for (int value : values) texts.push_back(EnumText(static_cast<Enum>(value)));
  return absl::StrJoin(texts, ", ");
}

}  // namespace

void ReferralPrinter::Line(Msg label, const std::string& value) const {
  out_ << "  "
       << PadRight(absl::StrCat(messages_.Text(label), ":"), kLabelWidth + 1)
       << IndentContinuation(value) << "\n";
}

void ReferralPrinter::PrintSummary(const Referral& referral) const {
  out_ << referral.name() << "\n";
  PrintState(referral);
  PrintDeadlines(referral.deadlines());
  Line(Msg::kLabelEtag, referral.etag());
}

void ReferralPrinter::PrintDetail(const Referral& referral) const {
  out_ << referral.name() << "\n";
  PrintState(referral);
  Line(Msg::kLabelOrganisation, referral.welfare_organisation());
  Line(Msg::kLabelRegion, referral.region());
  const wor::v1::Referrer& referrer = referral.referrer();
  Line(Msg::kLabelReferrer,
       absl::StrCat(referrer.display_name().empty() ? referrer.person_agb()
                                                    : referrer.display_name(),
                    " (", EnumText(referrer.role()), "), ",
                    messages_.Text(Msg::kLabelPractice), " ",
                    referrer.practice_agb()));
  PrintPatient(referral);
  PrintDeadlines(referral.deadlines());
  PrintProgress(referral);
  Line(Msg::kLabelCreated, FormatTime(referral.create_time(), zone_));
  Line(Msg::kLabelUpdated, FormatTime(referral.update_time(), zone_));
  Line(Msg::kLabelEtag, referral.etag());
}

void ReferralPrinter::PrintListLine(const Referral& referral) const {
  const wor::v1::ReferralDeadlines& deadlines = referral.deadlines();
  out_ << referral.name() << "  "
       << PadRight(EnumText(referral.state()), kStateWidth) << "  "
       << FormatDate(deadlines.first_contact_limit().due_date()) << "  "
       << FormatDate(deadlines.intake().due_date()) << "\n";
}

void ReferralPrinter::PrintEventLine(
    const wor::v1::ReferralEvent& event) const {
  out_ << event.resume_token() << "  "
       << PadRight(EnumText(event.type()), kEventTypeWidth) << "  "
       << event.referral().name() << "  " << EnumText(event.referral().state())
       << std::endl;  // Flushed: `wor watch` feeds pipes line by line.
}

void ReferralPrinter::PrintState(const Referral& referral) const {
  Line(Msg::kLabelState, EnumText(referral.state()));
  if (referral.state() == wor::v1::REFERRAL_STATE_ON_HOLD) {
    Line(Msg::kLabelHeldState, EnumText(referral.held_state()));
    Line(Msg::kLabelHoldReason, EnumText(referral.hold_reason()));
  }
  if (referral.rejection_reason() != wor::v1::REJECTION_REASON_UNSPECIFIED) {
    Line(Msg::kLabelRejectionReason, EnumText(referral.rejection_reason()));
  }
  if (referral.cancellation_reason() !=
      wor::v1::CANCELLATION_REASON_UNSPECIFIED) {
    Line(Msg::kLabelCancellationReason,
         EnumText(referral.cancellation_reason()));
  }
}

void ReferralPrinter::PrintPatient(const Referral& referral) const {
  // The server leaves out what this caller may not see (the patient's
  // details without consent to share, or after erasure): say so rather than
  // print empty lines.
  if (!referral.has_patient()) {
    Line(Msg::kLabelPatient,
         std::string(messages_.Text(referral.personal_data_erased()
                                        ? Msg::kPatientErased
                                        : Msg::kPatientWithheld)));
  } else {
    const wor::v1::Patient& patient = referral.patient();
    Line(Msg::kLabelPatient,
         absl::StrCat(patient.given_name(), " ", patient.family_name(), ", ",
                      messages_.Text(Msg::kLabelBorn), " ",
                      FormatDate(patient.birth_date())));
    if (!patient.phone().empty()) Line(Msg::kLabelPhone, patient.phone());
    if (!patient.email().empty()) Line(Msg::kLabelEmail, patient.email());
    if (patient.has_address()) {
      const wor::v1::Address& address = patient.address();
      Line(Msg::kLabelAddress,
           absl::StrCat(address.street(), " ", address.house_number(), ", ",
                        address.postal_code(), " ", address.city()));
    }
    if (patient.preferred_contact_times_size() > 0) {
      Line(Msg::kLabelContactTimes,
           EnumList<wor::v1::ContactTime>(patient.preferred_contact_times()));
    }
    Line(Msg::kLabelLanguage,
         patient.language().empty() ? "nl" : patient.language());
  }
  if (referral.indicators_size() > 0) {
    Line(Msg::kLabelIndicators,
         EnumList<wor::v1::Indicator>(referral.indicators()));
  }
  if (!referral.patient_question().empty()) {
    Line(Msg::kLabelQuestion, referral.patient_question());
  }
  Line(Msg::kLabelConsent, ScopesText(referral.consent()));
}

std::string ReferralPrinter::ScopesText(
    const wor::v1::ConsentRecord& consent) const {
  if (consent.scopes_size() == 0) {
    return std::string(messages_.Text(Msg::kConsentNone));
  }
  return EnumList<wor::v1::ConsentScope>(consent.scopes());
}

void ReferralPrinter::PrintConsent(
    absl::string_view referral_name,
    const wor::v1::ConsentRecord& consent) const {
  out_ << referral_name << "\n";
  Line(Msg::kLabelConsent, ScopesText(consent));
  std::vector<std::string> obtained;
  if (!consent.obtained_by_agb().empty()) {
    obtained.push_back(
        messages_.Format(Msg::kConsentBy, consent.obtained_by_agb()));
  }
  if (consent.method() != wor::v1::CONSENT_METHOD_UNSPECIFIED) {
    obtained.push_back(EnumText(consent.method()));
  }
  if (consent.has_obtain_time()) {
    obtained.push_back(FormatTime(consent.obtain_time(), zone_));
  }
  if (!consent.text_version().empty()) {
    obtained.push_back(
        messages_.Format(Msg::kConsentTextVersion, consent.text_version()));
  }
  if (!obtained.empty()) {
    Line(Msg::kLabelConsentObtained, absl::StrJoin(obtained, ", "));
  }
  if (consent.history_size() == 0) return;
  out_ << "  " << messages_.Text(Msg::kLabelConsentHistory) << ":\n";
  for (const wor::v1::ConsentChange& change : consent.history()) {
    const bool granted = change.action() == wor::v1::CONSENT_ACTION_GRANTED;
    std::vector<std::string> details = {EnumText(change.method())};
    if (!change.recorded_by().empty()) {
      details.push_back(
          messages_.Format(Msg::kConsentBy, change.recorded_by()));
    }
    out_ << "    " << FormatTime(change.change_time(), zone_) << "  "
         << PadRight(messages_.Text(granted ? Msg::kConsentGranted
                                            : Msg::kConsentRevoked),
                     kConsentActionWidth)
         << "  " << EnumList<wor::v1::ConsentScope>(change.scopes()) << "  ("
         << absl::StrJoin(details, ", ") << ")\n";
  }
}

std::string ReferralPrinter::DeadlineText(
    const wor::v1::Deadline& deadline) const {
  std::string text = absl::StrCat(FormatDate(deadline.due_date()), "  ",
                                  EnumText(deadline.status()));
  if (deadline.has_met_time()) {
    absl::StrAppend(&text, " ",
                    messages_.Format(Msg::kLabelMetAt,
                                     FormatTime(deadline.met_time(), zone_)));
  } else if (deadline.status() == wor::v1::DEADLINE_STATUS_PENDING &&
             deadline.has_due_time() &&
             FromTimestamp(deadline.due_time()) <= now_) {
    absl::StrAppend(&text, " ", messages_.Text(Msg::kLabelOverdue));
  }
  return text;
}

void ReferralPrinter::PrintDeadlines(
    const wor::v1::ReferralDeadlines& deadlines) const {
  out_ << "  " << messages_.Text(Msg::kLabelDeadlines) << ":\n";
  const std::pair<Msg, const wor::v1::Deadline*> rows[] = {
      {Msg::kLabelContactTarget, &deadlines.first_contact_target()},
      {Msg::kLabelContactLimit, &deadlines.first_contact_limit()},
      {Msg::kLabelIntakeDeadline, &deadlines.intake()},
  };
  for (const auto& [label, deadline] : rows) {
    out_ << "    " << PadRight(messages_.Text(label), kDeadlineLabelWidth)
         << DeadlineText(*deadline) << "\n";
  }
}

void ReferralPrinter::PrintProgress(const Referral& referral) const {
  if (referral.contact_attempts_size() > 0) {
    out_ << "  " << messages_.Text(Msg::kLabelContactAttempts) << ":\n";
    for (const wor::v1::ContactAttempt& attempt : referral.contact_attempts()) {
      out_ << "    " << FormatTime(attempt.attempt_time(), zone_) << "  "
           << EnumText(attempt.channel()) << "  " << EnumText(attempt.result())
           << "\n";
    }
  }
  if (referral.has_intake()) {
    const wor::v1::Intake& intake = referral.intake();
    std::vector<std::string> parts;
    if (intake.has_scheduled_time()) {
      parts.push_back(absl::StrCat(messages_.Text(Msg::kLabelScheduled), " ",
                                   FormatTime(intake.scheduled_time(), zone_),
                                   ", ", EnumText(intake.location())));
    }
    if (intake.has_held_time()) {
      parts.push_back(absl::StrCat(messages_.Text(Msg::kLabelHeld), " ",
                                   FormatTime(intake.held_time(), zone_)));
    }
    if (intake.has_scores()) {
      parts.push_back(absl::StrCat(messages_.Text(Msg::kLabelScores), ": ",
                                   FormatScores(intake.scores())));
    }
    Line(Msg::kLabelIntake, absl::StrJoin(parts, "\n"));
  }
  if (referral.has_activity()) {
    const wor::v1::ChosenActivity& activity = referral.activity();
    Line(Msg::kLabelActivity,
         activity.activity().empty()
             ? activity.category()
             : absl::StrCat(activity.category(), " / ", activity.activity()));
  }
  if (referral.has_closing()) {
    const wor::v1::ReferralClosing& closing = referral.closing();
    std::string text = absl::StrCat(EnumText(closing.outcome()), ", ",
                                    FormatTime(closing.complete_time(), zone_));
    if (closing.has_scores()) {
      absl::StrAppend(&text, "\n", messages_.Text(Msg::kLabelScores), ": ",
                      FormatScores(closing.scores()));
    }
    Line(Msg::kLabelClosing, text);
  }
}

}  // namespace wor::client
