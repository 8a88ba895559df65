#include "server/domain/referral_validation.h"

#include <cctype>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/status_macros.h"
#include "server/domain/field_checks.h"
#include "server/domain/identifier_validation.h"
#include "server/domain/referral_form.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

using wor::v1::YesNo;

absl::Status CheckAgb(absl::string_view field, const std::string& value) {
  if (value.empty())
    return FieldError(field, "is required (AGB code, 8 digits)");
  if (!IsValidAgbCode(value))
    return FieldError(field, "expected an AGB code of 8 digits");
  return absl::OkStatus();
}

absl::Status CheckReferrer(const wor::v1::Referrer& referrer) {
  WOR_RETURN_IF_ERROR(
      CheckAgb("referral.referrer.person_agb", referrer.person_agb()));
  WOR_RETURN_IF_ERROR(
      CheckAgb("referral.referrer.practice_agb", referrer.practice_agb()));
  if (referrer.role() == wor::v1::REFERRER_ROLE_UNSPECIFIED ||
      !wor::v1::ReferrerRole_IsValid(referrer.role())) {
    return FieldError("referral.referrer.role",
                      "expected GP, POH, POH_GGZ or OTHER_FIRST_LINE");
  }
  return CheckText("referral.referrer.display_name", referrer.display_name(),
                   {.required = false, .max_chars = 100});
}

bool IsDutchPostalCode(const std::string& code) {
  // "1234 AB" or "1234AB"; the first digit is never 0.
  std::string compact;
  for (char c : code) {
    if (c != ' ') compact.push_back(c);
  }
  if (compact.size() != 6 || compact[0] == '0') return false;
  for (int i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(compact[i]))) return false;
  }
  return std::isalpha(static_cast<unsigned char>(compact[4])) &&
         std::isalpha(static_cast<unsigned char>(compact[5])) &&
         code.size() <= 7;
}

absl::Status CheckAddress(const wor::v1::Address& address) {
  const std::string prefix = "referral.patient.address.";
  WOR_RETURN_IF_ERROR(CheckText(prefix + "street", address.street(),
                                {.required = true, .max_chars = 100}));
  WOR_RETURN_IF_ERROR(CheckText(prefix + "house_number", address.house_number(),
                                {.required = true, .max_chars = 16}));
  if (!IsDutchPostalCode(address.postal_code())) {
    return FieldError(prefix + "postal_code",
                      "expected a Dutch postal code, four digits and two "
                      "letters (1234 AB)");
  }
  return CheckText(prefix + "city", address.city(),
                   {.required = true, .max_chars = 100});
}

bool IsLanguageTag(const std::string& tag) {
  // BCP-47 shape: 2–3 letter language, optional subtags of 2–8 alphanumerics.
  if (tag.empty() || tag.size() > 35) return false;
  size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    size_t length = end - start;
    if (first ? (length < 2 || length > 3) : (length < 1 || length > 8)) {
      return false;
    }
    for (size_t i = start; i < end; ++i) {
      unsigned char c = tag[i];
      if (first ? !std::isalpha(c) : !std::isalnum(c)) return false;
    }
    first = false;
    start = end + 1;
    if (end == tag.size()) break;
  }
  return true;
}

absl::Status CheckPatient(const wor::v1::Patient& patient,
                          absl::CivilDay today) {
  const std::string prefix = "referral.patient.";
  WOR_RETURN_IF_ERROR(CheckText(prefix + "ehr_patient_reference",
                                patient.ehr_patient_reference(),
                                {.required = true, .max_chars = 128}));
  WOR_RETURN_IF_ERROR(CheckText(prefix + "given_name", patient.given_name(),
                                {.required = true, .max_chars = 100}));
  WOR_RETURN_IF_ERROR(CheckText(prefix + "family_name", patient.family_name(),
                                {.required = true, .max_chars = 100}));
  if (!patient.has_birth_date())
    return FieldError(prefix + "birth_date", "is required");
  const wor::v1::LocalDate& birth = patient.birth_date();
  if (!IsRealDate(birth) || birth.year() < 1900) {
    return FieldError(prefix + "birth_date",
                      "expected a real calendar date after 1900");
  }
  absl::CivilDay birth_day = FromLocalDate(birth);
  if (birth_day > today)
    return FieldError(prefix + "birth_date", "lies in the future");
  absl::CivilDay eighteenth(birth_day.year() + 18, birth_day.month(),
                            birth_day.day());
  if (birth_day.month() == 2 && birth_day.day() == 29 &&
      eighteenth.month() == 3) {
    eighteenth = absl::CivilDay(birth_day.year() + 18, 3, 1);
  }
  if (eighteenth > today) {
    return absl::FailedPreconditionError(
        "referral.patient.birth_date: Welzijn op Recept is for adults (18 "
        "and older); for younger patients consider youth care (jeugdhulp) "
        "through the municipality");
  }
  if (patient.phone().empty() && patient.email().empty()) {
    return FieldError(prefix + "phone",
                      "is required unless an e-mail address is given: the "
                      "coach must be able to reach the patient");
  }
  if (!patient.phone().empty() && !IsValidPhoneNumber(patient.phone())) {
    return FieldError(prefix + "phone",
                      "expected a Dutch (0612345678, 020-1234567) or "
                      "international (+31612345678) phone number");
  }
  if (!patient.email().empty() && !IsValidEmailAddress(patient.email())) {
    return FieldError(prefix + "email",
                      "expected an e-mail address such as name@example.nl");
  }
  if (patient.has_address())
    WOR_RETURN_IF_ERROR(CheckAddress(patient.address()));
  for (int i = 0; i < patient.preferred_contact_times_size(); ++i) {
    int value = patient.preferred_contact_times(i);
    if (value == wor::v1::CONTACT_TIME_UNSPECIFIED ||
        !wor::v1::ContactTime_IsValid(value)) {
      return FieldError(
          absl::StrCat(prefix, "preferred_contact_times[", i, "]"),
          "expected MORNING, AFTERNOON or EVENING");
    }
  }
  if (!patient.language().empty() && !IsLanguageTag(patient.language())) {
    return FieldError(prefix + "language",
                      "expected a language tag such as nl, en, tr or ar");
  }
  if (!patient.bsn().empty() && !IsValidBsn(patient.bsn())) {
    return FieldError(prefix + "bsn",
                      "expected a BSN of 9 digits that passes the 11-check");
  }
  return absl::OkStatus();
}

absl::Status CheckIndicators(const wor::v1::Referral& referral) {
  if (referral.indicators_size() == 0) {
    return FieldError("referral.indicators",
                      "select at least one Welzijn op Recept indicator");
  }
  if (referral.indicators_size() > 9) {
    return FieldError("referral.indicators",
                      "lists more than the 9 indicators");
  }
  for (int i = 0; i < referral.indicators_size(); ++i) {
    int value = referral.indicators(i);
    if (value == wor::v1::INDICATOR_UNSPECIFIED ||
        !wor::v1::Indicator_IsValid(value)) {
      return FieldError(absl::StrCat("referral.indicators[", i, "]"),
                        "expected one of the 9 indicators");
    }
    for (int j = 0; j < i; ++j) {
      if (referral.indicators(j) == value) {
        return FieldError(absl::StrCat("referral.indicators[", i, "]"),
                          "repeats an indicator already given");
      }
    }
  }
  return absl::OkStatus();
}

// A yes/no question that gates the referral: answered `refusing` it stops
// the referral. What to tell the referrer comes from the referral form, so
// the plugin and the server say the same thing.
struct GateQuestion {
  std::string field;  // path in the referral, e.g.
                      // "contra_indications.serious_drug_use"
  YesNo answer;
  YesNo refusing;
};

std::vector<GateQuestion> GateQuestions(const wor::v1::Referral& referral) {
  const auto& c = referral.contra_indications();
  const auto& v = referral.conversation();
  constexpr YesNo kYes = wor::v1::YES_NO_YES;
  constexpr YesNo kNo = wor::v1::YES_NO_NO;
  return {
      {"contra_indications.extensive_care_trajectory",
       c.extensive_care_trajectory(), kYes},
      {"contra_indications.chronic_psychiatric_illness",
       c.chronic_psychiatric_illness(), kYes},
      {"contra_indications.intellectual_disability_intensive_support",
       c.intellectual_disability_intensive_support(), kYes},
      {"contra_indications.serious_drug_use", c.serious_drug_use(), kYes},
      {"contra_indications.serious_personality_disorder",
       c.serious_personality_disorder(), kYes},
      {"conversation.problems_fit_profile", v.problems_fit_profile(), kNo},
      {"conversation.patient_sees_other_approach",
       v.patient_sees_other_approach(), kNo},
      {"conversation.patient_motivated", v.patient_motivated(), kNo},
      {"conversation.patient_open_to_activity", v.patient_open_to_activity(),
       kNo},
  };
}

// The form's English refusal text for a gate question.
std::string RefusalAdvice(const std::string& field) {
  for (const auto& section : TheReferralForm().sections()) {
    for (const auto& question : section.questions()) {
      if (question.field() == field && !question.refusal_text().en().empty()) {
        return question.refusal_text().en();
      }
    }
  }
  return "Welzijn op Recept is not suitable; consider the POH-GGZ.";
}

absl::Status CheckConsentForm(const wor::v1::ConsentRecord& consent,
                              absl::Time now) {
  const std::string prefix = "referral.consent.";
  for (int i = 0; i < consent.scopes_size(); ++i) {
    int scope = consent.scopes(i);
    if (scope == wor::v1::CONSENT_SCOPE_UNSPECIFIED ||
        !wor::v1::ConsentScope_IsValid(scope)) {
      return FieldError(absl::StrCat(prefix, "scopes[", i, "]"),
                        "expected one of the consent scopes");
    }
  }
  WOR_RETURN_IF_ERROR(
      CheckAgb(prefix + "obtained_by_agb", consent.obtained_by_agb()));
  WOR_RETURN_IF_ERROR(CheckTimestampSet(prefix + "obtain_time",
                                        consent.has_obtain_time(),
                                        consent.obtain_time()));
  if (FromTimestamp(consent.obtain_time()) > now + kAllowedClockSkew) {
    return FieldError(prefix + "obtain_time", "lies in the future");
  }
  if (consent.method() == wor::v1::CONSENT_METHOD_UNSPECIFIED ||
      !wor::v1::ConsentMethod_IsValid(consent.method())) {
    return FieldError(prefix + "method", "expected VERBAL, WRITTEN or DIGITAL");
  }
  return absl::OkStatus();
}

absl::Status CheckConsentAllowsReferral(const wor::v1::ConsentRecord& consent) {
  bool shares_with_coach = false;
  for (int scope : consent.scopes()) {
    if (scope == wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH)
      shares_with_coach = true;
  }
  if (!shares_with_coach) {
    return absl::FailedPreconditionError(
        "referral.consent.scopes: the patient's consent to share the referral "
        "with the welfare coach (SHARE_WITH_COACH) is required to refer; ask "
        "the patient first");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidatePositiveHealthScores(
    absl::string_view field, const wor::v1::PositiveHealthScores& scores) {
  const struct {
    const char* name;
    bool present;
    double value;
  } dimensions[] = {
      {"bodily_functions", scores.has_bodily_functions(),
       scores.bodily_functions()},
      {"mental_wellbeing", scores.has_mental_wellbeing(),
       scores.mental_wellbeing()},
      {"meaning", scores.has_meaning(), scores.meaning()},
      {"quality_of_life", scores.has_quality_of_life(),
       scores.quality_of_life()},
      {"participation", scores.has_participation(), scores.participation()},
      {"daily_functioning", scores.has_daily_functioning(),
       scores.daily_functioning()},
  };
  for (const auto& dimension : dimensions) {
    std::string path = absl::StrCat(field, ".", dimension.name);
    if (!dimension.present) return FieldError(path, "is required (0-10)");
    if (!std::isfinite(dimension.value) || dimension.value < 0 ||
        dimension.value > 10) {
      return FieldError(path, "expected a score from 0 to 10");
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateNewReferral(const wor::v1::Referral& referral,
                                 absl::Time now, absl::CivilDay today) {
  // Form first: everything a referrer must correct in the form.
  WOR_RETURN_IF_ERROR(CheckReferrer(referral.referrer()));
  WOR_RETURN_IF_ERROR(CheckPatient(referral.patient(), today));
  WOR_RETURN_IF_ERROR(CheckIndicators(referral));
  const std::vector<GateQuestion> gates = GateQuestions(referral);
  for (const GateQuestion& gate : gates) {
    if (gate.answer != wor::v1::YES_NO_YES &&
        gate.answer != wor::v1::YES_NO_NO) {
      return FieldError("referral." + gate.field, "must be answered YES or NO");
    }
  }
  WOR_RETURN_IF_ERROR(
      CheckText("referral.patient_question", referral.patient_question(),
                {.required = true, .max_chars = 2000, .multi_line = true}));
  if (referral.route() == wor::v1::REFERRAL_ROUTE_UNSPECIFIED ||
      !wor::v1::ReferralRoute_IsValid(referral.route())) {
    return FieldError("referral.route",
                      "expected EHR_PLUGIN, ZORGDOMEIN or OTHER");
  }
  WOR_RETURN_IF_ERROR(CheckConsentForm(referral.consent(), now));
  // Then the clinical gate: a well-formed referral that must not be made.
  for (const GateQuestion& gate : gates) {
    if (gate.answer == gate.refusing) {
      return absl::FailedPreconditionError(absl::StrCat(
          "referral.", gate.field, ": answered ",
          gate.refusing == wor::v1::YES_NO_YES ? "YES" : "NO",
          ", so the referral is refused. ", RefusalAdvice(gate.field)));
    }
  }
  return CheckConsentAllowsReferral(referral.consent());
}

}  // namespace wor::server
