#include "plugin/error_page.h"

#include "absl/strings/str_cat.h"
#include "plugin/page_layout.h"

namespace wor::plugin {
namespace {

struct ErrorText {
  Text title;
  Text explanation;
};

ErrorText TextFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kLaunchInvalid:
      return {{"Starten vanuit het dossier is mislukt",
               "Starting from the record failed"},
              {"Welzijn op Recept is niet goed vanuit het HIS gestart. Open "
               "het dossier van de patiënt en start Welzijn op Recept opnieuw "
               "met de knop in het HIS.",
               "Welzijn op Recept was not started properly from the EHR. Open "
               "the patient's record and start Welzijn op Recept again with "
               "the button in the EHR."}};
    case ErrorKind::kEhrUnreachable:
      return {{"Het HIS is niet bereikbaar", "The EHR cannot be reached"},
              {"Welzijn op Recept kon het HIS nu niet bereiken. Probeer het "
               "over enkele minuten opnieuw vanuit het dossier. Blijft dit "
               "gebeuren, neem dan contact op met uw ICT-beheerder.",
               "Welzijn op Recept could not reach the EHR. Try again in a few "
               "minutes from the record. If this keeps happening, contact your "
               "IT administrator."}};
    case ErrorKind::kStateInvalid:
      return {{"Deze aanmelding is verlopen of ongeldig",
               "This sign-in has expired or is invalid"},
              {"De aanmelding bij het HIS hoort niet bij deze sessie, is al "
               "gebruikt of duurde te lang. Start Welzijn op Recept opnieuw "
               "vanuit het dossier van de patiënt.",
               "The sign-in with the EHR does not belong to this session, was "
               "already used or took too long. Start Welzijn op Recept again "
               "from the patient's record."}};
    case ErrorKind::kAuthorisationDenied:
      return {
          {"Het HIS gaf geen toegang", "The EHR did not grant access"},
          {"Het HIS heeft de aanmelding geweigerd. Start Welzijn op Recept "
           "opnieuw vanuit het dossier; lukt het dan niet, vraag uw "
           "ICT-beheerder de koppeling te controleren.",
           "The EHR refused the sign-in. Start Welzijn op Recept again from "
           "the record; if that fails, ask your IT administrator to check "
           "the connection."}};
    case ErrorKind::kNoPatientContext:
      return {{"Geen patiënt geselecteerd", "No patient selected"},
              {"Welzijn op Recept werkt alleen vanuit het dossier van een "
               "patiënt. Open eerst het dossier van de patiënt en start het "
               "daar.",
               "Welzijn op Recept only works from a patient's record. Open the "
               "patient's record first and start it there."}};
    case ErrorKind::kNoUserContext:
      return {{"Onbekende gebruiker", "Unknown user"},
              {"Het HIS gaf niet door wie u bent. Meld u opnieuw aan in het "
               "HIS en start Welzijn op Recept opnieuw.",
               "The EHR did not tell who you are. Sign in to the EHR again and "
               "start Welzijn op Recept again."}};
    case ErrorKind::kSessionMissing:
      return {{"Uw sessie is verlopen", "Your session has expired"},
              {"Start Welzijn op Recept opnieuw vanuit het dossier van de "
               "patiënt.",
               "Start Welzijn op Recept again from the patient's record."}};
    case ErrorKind::kServerUnavailable:
      return {{"Welzijn op Recept is even niet bereikbaar",
               "Welzijn op Recept is unavailable"},
              {"De verwijsdienst reageert nu niet. Er is niets verstuurd. "
               "Probeer het over enkele minuten opnieuw.",
               "The referral service does not respond. Nothing was sent. Try "
               "again in a few minutes."}};
    case ErrorKind::kServerRefused:
      return {{"Geen toegang", "No access"},
              {"De verwijsdienst herkent deze praktijk of gebruiker niet, of u "
               "mag dit niet doen. Er is niets verstuurd. Neem contact op met "
               "uw ICT-beheerder.",
               "The referral service does not recognise this practice or user, "
               "or you may not do this. Nothing was sent. Contact your IT "
               "administrator."}};
    case ErrorKind::kFormExpired:
      return {{"Dit formulier is verlopen", "This form has expired"},
              {"Open het verwijsformulier opnieuw; er is niets verstuurd.",
               "Open the referral form again; nothing was sent."}};
  }
  return {{"Er ging iets mis", "Something went wrong"},
          {"Start Welzijn op Recept opnieuw vanuit het dossier.",
           "Start Welzijn op Recept again from the record."}};
}

}  // namespace

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kLaunchInvalid:
      return "launch_invalid";
    case ErrorKind::kEhrUnreachable:
      return "ehr_unreachable";
    case ErrorKind::kStateInvalid:
      return "state_invalid";
    case ErrorKind::kAuthorisationDenied:
      return "authorisation_denied";
    case ErrorKind::kNoPatientContext:
      return "no_patient_context";
    case ErrorKind::kNoUserContext:
      return "no_user_context";
    case ErrorKind::kSessionMissing:
      return "session_missing";
    case ErrorKind::kServerUnavailable:
      return "server_unavailable";
    case ErrorKind::kServerRefused:
      return "server_refused";
    case ErrorKind::kFormExpired:
      return "form_expired";
  }
  return "unknown";
}

int HttpStatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kLaunchInvalid:
    case ErrorKind::kStateInvalid:
    case ErrorKind::kNoPatientContext:
    case ErrorKind::kNoUserContext:
    case ErrorKind::kFormExpired:
      return 400;
    case ErrorKind::kAuthorisationDenied:
    case ErrorKind::kServerRefused:
      return 403;
    case ErrorKind::kSessionMissing:
      return 401;
    case ErrorKind::kEhrUnreachable:
      return 502;
    case ErrorKind::kServerUnavailable:
      return 503;
  }
  return 500;
}

std::string RenderErrorPage(ErrorKind kind, const std::string& lang) {
  const ErrorText text = TextFor(kind);
  const std::string l = NormaliseLang(lang);
  return RenderPage(
      {.lang = l,
       .title = Tr(l, text.title),
       .body = absl::StrCat("<div class=\"summary\" role=\"alert\"><p>",
                            Tr(l, text.explanation), "</p></div>"),
       .path = "/",
       .language_switch = false});
}

}  // namespace wor::plugin
