#include "server/domain/referral_form.h"

#include <openssl/evp.h>

#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "wor/v1/common.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_form.pb.h"

namespace wor::server {
namespace {

using ::wor::v1::FormQuestion;
using ::wor::v1::FormSection;
using ::wor::v1::LocalizedText;
using ::wor::v1::QuestionKind;
using ::wor::v1::ReferralForm;
using ::wor::v1::YesNo;

// Maximum lengths, as stated in the comments of referral.proto where it
// states one; otherwise what the server's syntax checks accept.
constexpr int kAgbCodeLength = 8;
constexpr int kDisplayNameMaxLength = 100;
constexpr int kNameMaxLength = 100;
constexpr int kPhoneMaxLength = 32;   // 15 E.164 digits plus separators.
constexpr int kEmailMaxLength = 254;  // RFC 5321, as IsValidEmailAddress.
constexpr int kStreetMaxLength = 100;
constexpr int kHouseNumberMaxLength = 16;
constexpr int kPostalCodeMaxLength = 7;  // "1234 AB".
constexpr int kCityMaxLength = 100;
constexpr int kLanguageTagMaxLength = 35;  // BCP 47, RFC 5646 section 4.4.1.
constexpr int kPatientQuestionMaxLength = 2000;

constexpr size_t kVersionHexLength = 12;

// A text in Dutch and English.
struct Text {
  const char* nl = "";
  const char* en = "";
};

void SetText(const Text& text, LocalizedText* out) {
  out->set_nl(text.nl);
  out->set_en(text.en);
}

// A question without options or refusal rule.
struct QuestionSpec {
  const char* field = "";
  QuestionKind kind = wor::v1::QUESTION_KIND_UNSPECIFIED;
  Text label = {};
  Text help = {};
  bool required = true;
  int max_length = 0;
};

FormSection* AddSection(const char* id, const Text& title,
                        const Text& description, ReferralForm* form) {
  FormSection* section = form->add_sections();
  section->set_id(id);
  SetText(title, section->mutable_title());
  SetText(description, section->mutable_description());
  return section;
}

FormQuestion* AddQuestion(const QuestionSpec& spec, FormSection* section) {
  FormQuestion* question = section->add_questions();
  question->set_field(spec.field);
  question->set_kind(spec.kind);
  SetText(spec.label, question->mutable_label());
  SetText(spec.help, question->mutable_help());
  question->set_required(spec.required);
  question->set_max_length(spec.max_length);
  return question;
}

// The label of one value of enum E.
template <typename E>
struct OptionLabel {
  E value;
  Text label;
};

// Adds a choice question whose options are every value of E but the zero
// value, in declaration order, with the value names taken from the generated
// descriptor. A value missing from `labels` gets its name as label, so a new
// enum value shows up on the form (and fails the form's tests) instead of
// silently going missing.
template <typename E>
void AddChoiceQuestion(const QuestionSpec& spec,
                       std::initializer_list<OptionLabel<E>> labels,
                       FormSection* section) {
  FormQuestion* question = AddQuestion(spec, section);
  const google::protobuf::EnumDescriptor* descriptor =
      google::protobuf::GetEnumDescriptor<E>();
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor* value = descriptor->value(i);
    if (value->number() == 0) continue;
    const std::string name(value->name());
    Text label{name.c_str(), name.c_str()};
    for (const OptionLabel<E>& l : labels) {
      if (static_cast<int>(l.value) == value->number()) label = l.label;
    }
    wor::v1::FormOption* option = question->add_options();
    option->set_value(name);
    SetText(label, option->mutable_label());
  }
}

// Adds a YES_NO question that refuses the referral on `refusing_answer`.
void AddScreeningQuestion(const char* field, const Text& label,
                          YesNo refusing_answer, const Text& refusal_text,
                          FormSection* section) {
  FormQuestion* question = AddQuestion(
      {.field = field, .kind = wor::v1::QUESTION_KIND_YES_NO, .label = label},
      section);
  question->set_refusing_answer(refusing_answer);
  SetText(refusal_text, question->mutable_refusal_text());
}

void AddReferrerSection(ReferralForm* form) {
  FormSection* section =
      AddSection("referrer", {"Verwijzer", "Referrer"},
                 {"Wie verwijst, en vanuit welke praktijk.",
                  "Who is referring, and from which practice."},
                 form);
  AddQuestion({.field = "referrer.person_agb",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Uw AGB-code", "Your AGB code"},
               .help = {"Uw persoonlijke AGB-code (AGB-Z), 8 cijfers.",
                        "Your personal AGB code (AGB-Z), 8 digits."},
               .max_length = kAgbCodeLength},
              section);
  AddQuestion(
      {.field = "referrer.practice_agb",
       .kind = wor::v1::QUESTION_KIND_TEXT,
       .label = {"AGB-code van de praktijk", "AGB code of the practice"},
       .help = {"8 cijfers. De welzijnscoach die aan uw praktijk verbonden "
                "is, ontvangt de verwijzing.",
                "8 digits. The welfare coach linked to your practice receives "
                "the referral."},
       .max_length = kAgbCodeLength},
      section);
  AddChoiceQuestion<wor::v1::ReferrerRole>(
      {.field = "referrer.role",
       .kind = wor::v1::QUESTION_KIND_SINGLE_CHOICE,
       .label = {"Uw functie", "Your role"}},
      {
          {wor::v1::REFERRER_ROLE_GP, {"Huisarts", "General practitioner"}},
          {wor::v1::REFERRER_ROLE_POH,
           {"Praktijkondersteuner (POH-S/POH-O)",
            "Practice nurse (POH-S/POH-O)"}},
          {wor::v1::REFERRER_ROLE_POH_GGZ,
           {"Praktijkondersteuner GGZ (POH-GGZ)",
            "Mental-health practice nurse (POH-GGZ)"}},
          {wor::v1::REFERRER_ROLE_OTHER_FIRST_LINE,
           {"Andere eerstelijnszorgverlener (fysiotherapeut, apotheker, "
            "diëtist, …)",
            "Other first-line care provider (physiotherapist, pharmacist, "
            "dietitian, …)"}},
      },
      section);
  AddQuestion(
      {.field = "referrer.display_name",
       .kind = wor::v1::QUESTION_KIND_TEXT,
       .label = {"Uw naam", "Your name"},
       .help = {"Zo weet de welzijnscoach aan wie hij of zij terugkoppelt.",
                "So the welfare coach knows whom to report back to."},
       .required = false,
       .max_length = kDisplayNameMaxLength},
      section);
}

void AddPatientSection(ReferralForm* form) {
  FormSection* section = AddSection(
      "patient", {"Patiënt", "Patient"},
      {"Alleen wat de welzijnscoach nodig heeft om contact op te nemen; het "
       "medisch dossier gaat niet mee. De koppeling met het dossier in uw HIS "
       "wordt automatisch meegestuurd.",
       "Only what the welfare coach needs to get in touch; the medical record "
       "is not shared. The link to the patient's record in your EHR is sent "
       "along automatically."},
      form);
  AddQuestion({.field = "patient.given_name",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Voornaam", "Given name"},
               .max_length = kNameMaxLength},
              section);
  AddQuestion({.field = "patient.family_name",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Achternaam", "Family name"},
               .help = {"Met tussenvoegsels, bijvoorbeeld \"de Vries\".",
                        "Including prefixes, e.g. \"de Vries\"."},
               .max_length = kNameMaxLength},
              section);
  AddQuestion({.field = "patient.birth_date",
               .kind = wor::v1::QUESTION_KIND_DATE,
               .label = {"Geboortedatum", "Date of birth"},
               .help = {"Welzijn op Recept is voor volwassenen (18 jaar en "
                        "ouder).",
                        "Welzijn op Recept is for adults (18 and over)."}},
              section);
  AddQuestion(
      {.field = "patient.phone",
       .kind = wor::v1::QUESTION_KIND_PHONE,
       .label = {"Telefoonnummer", "Phone number"},
       .help = {"Verplicht, tenzij u een e-mailadres invult. De welzijnscoach "
                "belt de patiënt binnen 2 tot 5 werkdagen. Bijvoorbeeld "
                "0612345678, 020-1234567 of +31612345678.",
                "Required unless you enter an e-mail address. The welfare "
                "coach phones the patient within 2 to 5 working days. For "
                "example 0612345678, 020-1234567 or +31612345678."},
       .required = false,
       .max_length = kPhoneMaxLength},
      section);
  AddQuestion({.field = "patient.email",
               .kind = wor::v1::QUESTION_KIND_EMAIL,
               .label = {"E-mailadres", "E-mail address"},
               .help = {"Niet verplicht; wel nodig als u geen telefoonnummer "
                        "invult.",
                        "Optional; needed when you enter no phone number."},
               .required = false,
               .max_length = kEmailMaxLength},
              section);
  AddQuestion({.field = "patient.address.street",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Straat", "Street"},
               .help = {"Het adres is niet verplicht; de welzijnscoach "
                        "gebruikt het voor een huisbezoek.",
                        "The address is optional; the welfare coach uses it "
                        "for a home visit."},
               .required = false,
               .max_length = kStreetMaxLength},
              section);
  AddQuestion({.field = "patient.address.house_number",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Huisnummer", "House number"},
               .help = {"Met toevoeging, bijvoorbeeld 12A of 12-3.",
                        "With addition, e.g. 12A or 12-3."},
               .required = false,
               .max_length = kHouseNumberMaxLength},
              section);
  AddQuestion({.field = "patient.address.postal_code",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Postcode", "Postal code"},
               .help = {"Vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
                        "Four digits and two letters, e.g. 1234 AB."},
               .required = false,
               .max_length = kPostalCodeMaxLength},
              section);
  AddQuestion({.field = "patient.address.city",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"Woonplaats", "Town or city"},
               .required = false,
               .max_length = kCityMaxLength},
              section);
  AddChoiceQuestion<wor::v1::ContactTime>(
      {.field = "patient.preferred_contact_times",
       .kind = wor::v1::QUESTION_KIND_MULTIPLE_CHOICE,
       .label = {"Wanneer wordt de patiënt het liefst gebeld?",
                 "When does the patient prefer to be called?"},
       .help = {"Niet verplicht; kies er zoveel als van toepassing.",
                "Optional; choose as many as apply."},
       .required = false},
      {
          {wor::v1::CONTACT_TIME_MORNING,
           {"Ochtend (09:00–12:00)", "Morning (09:00–12:00)"}},
          {wor::v1::CONTACT_TIME_AFTERNOON,
           {"Middag (12:00–17:00)", "Afternoon (12:00–17:00)"}},
          {wor::v1::CONTACT_TIME_EVENING,
           {"Avond (17:00–20:00)", "Evening (17:00–20:00)"}},
      },
      section);
  AddQuestion(
      {.field = "patient.language",
       .kind = wor::v1::QUESTION_KIND_TEXT,
       .label = {"Voorkeurstaal", "Preferred language"},
       .help = {"De taal waarin de patiënt het liefst wordt aangesproken, als "
                "taalcode (nl, en, tr, ar, …). Leeg betekent Nederlands.",
                "The language the patient prefers to be spoken to in, as a "
                "language tag (nl, en, tr, ar, …). Empty means Dutch."},
       .required = false,
       .max_length = kLanguageTagMaxLength},
      section);
}

void AddIndicatorsSection(ReferralForm* form) {
  FormSection* section = AddSection(
      "indicators", {"Indicatoren", "Indicators"},
      {"Welzijn op Recept is bedoeld voor patiënten met eenvoudige, "
       "situationele psychosociale problemen waarvoor geen medische of "
       "psychologische zorg nodig is. De volgende problemen kunnen, alleen of "
       "samen, een rol spelen.",
       "Welzijn op Recept is meant for patients with simple, situational "
       "psychosocial problems that need no medical or psychological care. The "
       "following problems may play a part, alone or together."},
      form);
  AddChoiceQuestion<wor::v1::Indicator>(
      {.field = "indicators",
       .kind = wor::v1::QUESTION_KIND_MULTIPLE_CHOICE,
       .label = {"Welke problemen spelen een rol?",
                 "Which problems play a part?"},
       .help = {"Kies er één of meer.", "Choose one or more."}},
      {
          {wor::v1::INDICATOR_PSYCHOLOGICAL_COMPLAINTS,
           {"Psychische klachten, zoals somber of angstig voelen, veel "
            "piekeren, stress of overspannenheid",
            "Psychological complaints, such as feeling gloomy or anxious, "
            "worrying a lot, stress or overstrain"}},
          {wor::v1::INDICATOR_LONELINESS,
           {"Eenzaamheid, dreigend sociaal isolement, beperkt netwerk",
            "Loneliness, threat of social isolation, a small network"}},
          {wor::v1::INDICATOR_STUCK_IN_LIFE,
           {"Vastlopen in het leven: problemen op het werk, relatieproblemen "
            "of een ingrijpende gebeurtenis (zoals overlijden, verhuizing of "
            "baanverlies)",
            "Stuck in life: problems at work, relationship problems or a "
            "drastic life event (such as bereavement, a move or job loss)"}},
          {wor::v1::INDICATOR_CHRONIC_PHYSICAL_ILLNESS,
           {"Problemen met een chronische lichamelijke ziekte",
            "Problems with a chronic physical illness"}},
          {wor::v1::INDICATOR_STABLE_CHRONIC_PSYCHOLOGICAL_COMPLAINTS,
           {"Chronische psychische klachten (al behandeld en nu stabiel)",
            "Chronic psychological complaints (treated before and now "
            "stable)"}},
          {wor::v1::INDICATOR_ILLNESS_OF_RELATIVE,
           {"Problemen met ziekte van ouders, familie, partner of kind (bij "
            "mantelzorgers)",
            "Problems with illness of a parent, family member, partner or "
            "child (informal carers)"}},
          {wor::v1::INDICATOR_UNEXPLAINED_PHYSICAL_COMPLAINTS,
           {"(Veel wisselende) lichamelijk onvoldoende verklaarde klachten",
            "(Often changing) medically unexplained physical complaints"}},
          {wor::v1::INDICATOR_SLEEP_PROBLEMS,
           {"Slaapproblemen", "Sleep problems"}},
          {wor::v1::INDICATOR_UNHEALTHY_LIFESTYLE,
           {"Ongezonde leefstijl (roken, te weinig bewegen, overgewicht)",
            "Unhealthy lifestyle (smoking, too little exercise, "
            "overweight)"}},
      },
      section);
}

void AddContraIndicationsSection(ReferralForm* form) {
  FormSection* section = AddSection(
      "contra_indications", {"Contra-indicaties", "Contra-indications"},
      {"Welzijn op Recept is niet bedoeld voor patiënten met structurele en "
       "complexe psychosociale problematiek. Beantwoord alle vragen; bij één "
       "keer \"ja\" is verwijzen niet mogelijk.",
       "Welzijn op Recept is not meant for patients with structural and "
       "complex psychosocial problems. Answer every question; a single "
       "\"yes\" rules out the referral."},
      form);
  AddScreeningQuestion(
      "contra_indications.extensive_care_trajectory",
      {"Doorloopt de patiënt al een uitgebreid, vaak langdurig zorgtraject "
       "waarin hij of zij begeleid wordt?",
       "Is the patient already in an extensive, often long-term care "
       "trajectory and being supported?"},
      wor::v1::YES_NO_YES,
      {"Welzijn op Recept is niet geschikt voor patiënten die al een "
       "uitgebreid zorgtraject doorlopen. Stem af met de betrokken "
       "hulpverleners, of overweeg de POH-GGZ of andere passende zorg.",
       "Welzijn op Recept is not suitable for patients who are already in an "
       "extensive care trajectory. Coordinate with the professionals "
       "involved, or consider the POH-GGZ or other suitable care."},
      section);
  AddScreeningQuestion(
      "contra_indications.chronic_psychiatric_illness",
      {"Heeft de patiënt een chronische psychiatrische aandoening waarvoor "
       "al veel zorg wordt verleend?",
       "Does the patient have a chronic psychiatric illness for which they "
       "already receive much care?"},
      wor::v1::YES_NO_YES,
      {"Welzijn op Recept is niet geschikt voor patiënten met een chronische "
       "psychiatrische aandoening. Overweeg de POH-GGZ of overleg met de "
       "behandelaar in de ggz.",
       "Welzijn op Recept is not suitable for patients with a chronic "
       "psychiatric illness. Consider the POH-GGZ or consult the patient's "
       "mental-health practitioner."},
      section);
  AddScreeningQuestion(
      "contra_indications.intellectual_disability_intensive_support",
      {"Heeft de patiënt een verstandelijke beperking en wordt hij of zij "
       "intensief begeleid?",
       "Does the patient have an intellectual disability and receive "
       "intensive support?"},
      wor::v1::YES_NO_YES,
      {"Welzijn op Recept is niet geschikt voor patiënten met een "
       "verstandelijke beperking die intensief begeleid worden. Stem af met "
       "de begeleidende organisatie, of overweeg de POH-GGZ of andere "
       "passende zorg.",
       "Welzijn op Recept is not suitable for patients with an intellectual "
       "disability who receive intensive support. Coordinate with the "
       "supporting organisation, or consider the POH-GGZ or other suitable "
       "care."},
      section);
  AddScreeningQuestion(
      "contra_indications.serious_drug_use",
      {"Is er sprake van ernstig drugsgebruik?",
       "Does the patient use drugs seriously?"},
      wor::v1::YES_NO_YES,
      {"Welzijn op Recept is niet geschikt bij ernstig drugsgebruik; deze "
       "patiënten hebben andere hulp nodig. Overweeg de POH-GGZ of de "
       "verslavingszorg.",
       "Welzijn op Recept is not suitable in case of serious drug use; these "
       "patients need other help. Consider the POH-GGZ or addiction care."},
      section);
  AddScreeningQuestion(
      "contra_indications.serious_personality_disorder",
      {"Heeft de patiënt een ernstige persoonlijkheidsstoornis?",
       "Does the patient have a serious personality disorder?"},
      wor::v1::YES_NO_YES,
      {"Welzijn op Recept is niet geschikt voor patiënten met een ernstige "
       "persoonlijkheidsstoornis. Overweeg de POH-GGZ of andere passende "
       "zorg.",
       "Welzijn op Recept is not suitable for patients with a serious "
       "personality disorder. Consider the POH-GGZ or other suitable care."},
      section);
}

void AddConversationSection(ReferralForm* form) {
  FormSection* section = AddSection(
      "conversation", {"Het andere gesprek", "The referral conversation"},
      {"Verwijs pas als aan alle vier de punten is voldaan: dan heeft de "
       "begeleiding door de welzijnscoach de meeste kans van slagen.",
       "Refer only when all four points are met: that is when the welfare "
       "coach's support is most likely to help."},
      form);
  AddScreeningQuestion(
      "conversation.problems_fit_profile",
      {"Passen de zwaarte en de aard van de psychosociale klachten bij het "
       "profiel van Welzijn op Recept?",
       "Do the weight and kind of the psychosocial complaints fit the "
       "Welzijn op Recept profile?"},
      wor::v1::YES_NO_NO,
      {"Verwijs alleen als de klachten bij het profiel passen (zie de "
       "indicatoren en contra-indicaties). Passen ze niet, overweeg dan de "
       "POH-GGZ of andere zorg.",
       "Refer only when the complaints fit the profile (see the indicators "
       "and contra-indications). When they do not, consider the POH-GGZ or "
       "other care."},
      section);
  AddScreeningQuestion(
      "conversation.patient_sees_other_approach",
      {"Ziet de patiënt in dat een bezoek aan de huisarts deze problemen niet "
       "oplost?",
       "Does the patient see that a visit to the GP will not solve these "
       "problems?"},
      wor::v1::YES_NO_NO,
      {"Help de patiënt eerst tot dit inzicht te komen; verwijs pas daarna.",
       "First help the patient come to this insight; refer only after that."},
      section);
  AddScreeningQuestion(
      "conversation.patient_motivated",
      {"Is de patiënt zelf gemotiveerd om van het probleem af te komen?",
       "Is the patient intrinsically motivated to overcome the problem?"},
      wor::v1::YES_NO_NO,
      {"Welzijn op Recept werkt alleen als de patiënt zelf gemotiveerd is. "
       "Bespreek dit eerst; verwijs pas als die motivatie er is.",
       "Welzijn op Recept only works when the patient is motivated. Discuss "
       "this first; refer only once that motivation is there."},
      section);
  AddScreeningQuestion(
      "conversation.patient_open_to_activity",
      {"Staat de patiënt open om iets nieuws te proberen, in een korte "
       "begeleiding van 3 à 4 maanden?",
       "Is the patient open to trying something new, in a short programme of "
       "3 to 4 months?"},
      wor::v1::YES_NO_NO,
      {"Bespreek eerst wat Welzijn op Recept inhoudt; verwijs pas als de "
       "patiënt ervoor openstaat om iets nieuws te proberen.",
       "First discuss what Welzijn op Recept involves; refer only when the "
       "patient is open to trying something new."},
      section);
}

void AddPatientQuestionSection(ReferralForm* form) {
  FormSection* section =
      AddSection("patient_question", {"Hulpvraag", "The patient's question"},
                 {"Alleen de welzijnscoach leest de hulpvraag.",
                  "Only the welfare coach reads the patient's question."},
                 form);
  AddQuestion(
      {.field = "patient_question",
       .kind = wor::v1::QUESTION_KIND_LONG_TEXT,
       .label = {"Wat is de vraag van de patiënt, in eigen woorden?",
                 "What is the patient's question, in their own words?"},
       .help = {"Maximaal 2000 tekens. Noem geen medische gegevens die de "
                "welzijnscoach niet nodig heeft.",
                "At most 2000 characters. Leave out medical details the "
                "welfare coach does not need."},
       .max_length = kPatientQuestionMaxLength},
      section);
}

void AddRouteSection(ReferralForm* form) {
  FormSection* section =
      AddSection("route", {"Verwijsroute", "Referral route"}, {}, form);
  AddChoiceQuestion<wor::v1::ReferralRoute>(
      {.field = "route",
       .kind = wor::v1::QUESTION_KIND_SINGLE_CHOICE,
       .label = {"Via welke route verwijst u?",
                 "By which route are you referring?"}},
      {
          {wor::v1::REFERRAL_ROUTE_EHR_PLUGIN,
           {"De knop Welzijn op Recept in het HIS",
            "The Welzijn op Recept button in the EHR"}},
          {wor::v1::REFERRAL_ROUTE_ZORGDOMEIN, {"ZorgDomein", "ZorgDomein"}},
          {wor::v1::REFERRAL_ROUTE_OTHER,
           {"Een andere afgesproken route (VIP Live, e-mail, telefoon, …)",
            "Another agreed route (VIP Live, e-mail, phone, …)"}},
      },
      section);
}

void AddConsentSection(ReferralForm* form) {
  FormSection* section = AddSection(
      "consent", {"Toestemming van de patiënt", "The patient's consent"},
      {"Verwijs alleen na toestemming van de patiënt. Vraag toestemming per "
       "doel; toestemming om gegevens met de welzijnscoach te delen is nodig "
       "om te verwijzen. Het formulier vult het moment van versturen in als "
       "moment van toestemming (consent.obtain_time).",
       "Refer only after the patient's consent. Ask for consent per purpose; "
       "consent to share data with the welfare coach is needed to refer. The "
       "form fills in the time of submission as the time of consent "
       "(consent.obtain_time)."},
      form);
  AddChoiceQuestion<wor::v1::ConsentScope>(
      {.field = "consent.scopes",
       .kind = wor::v1::QUESTION_KIND_MULTIPLE_CHOICE,
       .label = {"Waarvoor geeft de patiënt toestemming?",
                 "What does the patient consent to?"},
       .help =
           {"Leg elk doel voor aan de patiënt; elk doel mag apart geweigerd "
            "worden, behalve het eerste, dat nodig is om te verwijzen.\n"
            "Delen met de welzijnscoach: uw naam, contactgegevens en "
            "hulpvraag gaan naar de welzijnscoach, zodat die u kan bellen. Uw "
            "medisch dossier gaat niet mee.\n"
            "Terugkoppeling: de welzijnscoach laat uw huisarts na het eerste "
            "gesprek en aan het einde in het kort weten hoe het gaat.\n"
            "Monitoring: gegevens zonder uw naam of BSN worden gebruikt om "
            "te zien hoe Welzijn op Recept werkt in uw regio, door de "
            "gemeente, de regio of de zorgverzekeraar.\n"
            "Onderzoek: gegevens zonder uw naam mogen worden gebruikt voor "
            "onderzoek naar Welzijn op Recept (bijvoorbeeld door het RIVM).\n"
            "U kunt uw toestemming altijd intrekken; daarna wordt niets meer "
            "gedeeld.",
            "Put each purpose to the patient; each may be refused on its own, "
            "except the first, which is needed to refer.\n"
            "Sharing with the welfare coach: your name, contact details and "
            "question go to the welfare coach, so they can phone you. Your "
            "medical record is not shared.\n"
            "Feedback: after the first conversation and at the end, the "
            "welfare coach briefly tells your GP how things are going.\n"
            "Monitoring: data without your name or citizen service number "
            "(BSN) is used by the municipality, the region or the health "
            "insurer to see how Welzijn op Recept works in your region.\n"
            "Research: data without your name may be used for research into "
            "Welzijn op Recept (for example by RIVM).\n"
            "You can withdraw your consent at any time; after that nothing "
            "more is shared."}},
      {
          {wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH,
           {"Gegevens voor de verwijzing delen met de welzijnscoach (nodig om "
            "te verwijzen)",
            "Share the referral data with the welfare coach (needed to "
            "refer)"}},
          {wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER,
           {"Terugkoppeling van de welzijnscoach aan de verwijzer (na de "
            "intake en bij afronding)",
            "Feedback from the welfare coach to the referrer (after the "
            "intake and at closing)"}},
          {wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED,
           {"Gepseudonimiseerde gegevens voor monitoring door regio, gemeente "
            "of zorgverzekeraar",
            "Pseudonymised data for monitoring by the region, municipality "
            "or health insurer"}},
          {wor::v1::CONSENT_SCOPE_RESEARCH,
           {"Gebruik voor onderzoek en evaluatie (bijvoorbeeld door het "
            "RIVM)",
            "Use for research and evaluation (for example by RIVM)"}},
      },
      section);
  AddChoiceQuestion<wor::v1::ConsentMethod>(
      {.field = "consent.method",
       .kind = wor::v1::QUESTION_KIND_SINGLE_CHOICE,
       .label = {"Hoe heeft de patiënt toestemming gegeven?",
                 "How did the patient give consent?"}},
      {
          {wor::v1::CONSENT_METHOD_VERBAL,
           {"Mondeling in het consult, vastgelegd in het dossier",
            "Verbally in the consultation, noted in the record"}},
          {wor::v1::CONSENT_METHOD_WRITTEN,
           {"Schriftelijk, op papier ondertekend",
            "In writing, signed on paper"}},
          {wor::v1::CONSENT_METHOD_DIGITAL,
           {"Digitaal door de patiënt (portaal, app)",
            "Digitally by the patient (portal, app)"}},
      },
      section);
  AddQuestion({.field = "consent.obtained_by_agb",
               .kind = wor::v1::QUESTION_KIND_TEXT,
               .label = {"AGB-code van wie de toestemming vroeg",
                         "AGB code of the person who obtained consent"},
               .help = {"8 cijfers; meestal uw eigen AGB-code.",
                        "8 digits; usually your own AGB code."},
               .max_length = kAgbCodeLength},
              section);
}

ReferralForm BuildReferralForm() {
  ReferralForm form;
  AddReferrerSection(&form);
  AddPatientSection(&form);
  AddIndicatorsSection(&form);
  AddContraIndicationsSection(&form);
  AddConversationSection(&form);
  AddPatientQuestionSection(&form);
  AddRouteSection(&form);
  AddConsentSection(&form);
  form.set_version(ReferralFormVersion(form));
  return form;
}

}  // namespace

std::string ReferralFormVersion(const ReferralForm& form) {
  ReferralForm unversioned = form;
  unversioned.clear_version();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    unversioned.SerializeToCodedStream(&coded);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &digest_length,
                 EVP_sha256(), nullptr) != 1) {
    // Only when OpenSSL itself is broken; no form can be versioned then.
    std::abort();
  }
  constexpr std::string_view kHexDigits = "0123456789abcdef";
  std::string version;
  version.reserve(kVersionHexLength);
  for (unsigned int i = 0; version.size() < kVersionHexLength; ++i) {
    version.push_back(kHexDigits[digest[i] >> 4]);
    version.push_back(kHexDigits[digest[i] & 0x0f]);
  }
  return version;
}

const ReferralForm& TheReferralForm() {
  static const auto* const kForm = new ReferralForm(BuildReferralForm());
  return *kForm;
}

}  // namespace wor::server
