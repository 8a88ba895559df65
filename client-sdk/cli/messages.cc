#include "client-sdk/cli/messages.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace wor::client {
namespace {

struct Entry {
  Msg id;
  const char* nl;
  const char* en;
};

// Labels end without a colon; the printer aligns them.
constexpr Entry kEntries[] = {
    {Msg::kNoCommand, "geen opdracht gegeven", "no command given"},
    {Msg::kUnknownCommand, "onbekende opdracht '$0'", "unknown command '$0'"},
    {Msg::kUnknownFlag, "onbekende optie '$0'", "unknown option '$0'"},
    {Msg::kFlagNeedsValue, "optie --$0 verwacht een waarde ($1)",
     "option --$0 needs a value ($1)"},
    {Msg::kFlagTakesNoValue, "optie --$0 neemt geen waarde",
     "option --$0 takes no value"},
    {Msg::kFlagRequired, "optie --$0 is verplicht", "option --$0 is required"},
    {Msg::kFlagOnce, "optie --$0 mag maar één keer gegeven worden",
     "option --$0 may be given only once"},
    {Msg::kMissingArgument, "$0 ontbreekt", "$0 is missing"},
    {Msg::kUnexpectedArgument, "onverwacht argument '$0'",
     "unexpected argument '$0'"},
    {Msg::kBadEnumValue, "ongeldige waarde '$0' voor --$1; kies uit: $2",
     "invalid value '$0' for --$1; choose from: $2"},
    {Msg::kAmbiguousEnumValue,
     "waarde '$0' voor --$1 is niet eenduidig; kies uit: $2",
     "value '$0' for --$1 is ambiguous; choose from: $2"},
    {Msg::kBadTime,
     "ongeldige tijd '$0' voor --$1; gebruik RFC 3339, bijvoorbeeld "
     "2026-05-04T10:00:00+02:00",
     "invalid time '$0' for --$1; use RFC 3339, for example "
     "2026-05-04T10:00:00+02:00"},
    {Msg::kBadScores,
     "--$0 verwacht $1 getallen van 0 tot 10, gescheiden door komma's, in "
     "deze volgorde: $2; kreeg '$3'",
     "--$0 expects $1 numbers from 0 to 10, separated by commas, in this "
     "order: $2; got '$3'"},
    {Msg::kBadNumber, "ongeldig getal '$0' voor --$1",
     "invalid number '$0' for --$1"},
    {Msg::kBadLanguage, "onbekende taal '$0'; kies nl of en",
     "unknown language '$0'; choose nl or en"},
    {Msg::kBadTimeout,
     "ongeldige --timeout '$0'; geef een aantal seconden groter dan 0",
     "invalid --timeout '$0'; give a number of seconds greater than 0"},
    {Msg::kCannotRead, "kan '$0' niet lezen", "cannot read '$0'"},
    {Msg::kBadTextproto,
     "$0 is geen geldige wor.v1.Referral in textproto: regel $1, kolom $2: $3",
     "$0 is not a valid wor.v1.Referral textproto: line $1, column $2: $3"},
    {Msg::kEmptySummary,
     "de samenvatting is leeg; geef de tekst met --file of via de "
     "standaardinvoer",
     "the summary is empty; give the text with --file or on standard input"},
    {Msg::kRandomFailed,
     "kon geen request-id maken (geen willekeurige bytes); geef --request-id",
     "could not make a request id (no random bytes); give --request-id"},
    {Msg::kSeeHelp, "Zie 'wor help$0'.", "See 'wor help$0'."},

    {Msg::kRevokeScopeOrAll,
     "geef ofwel --scope (één of meer keer) ofwel --all",
     "give either --scope (once or more) or --all"},
    {Msg::kBadDevIdentity,
     "ongeldige --dev-identity '$0': verwacht "
     "ORGANISATIE,GEBRUIKER,ROL[,NAMENS], "
     "bijvoorbeeld kvk:41234567,coach-1,COACH; rollen: $1",
     "invalid --dev-identity '$0': expected "
     "ORGANISATION,USER,ROLE[,ACTING_FOR], "
     "for example kvk:41234567,coach-1,COACH; roles: $1"},
    {Msg::kCertNeedsKey,
     "--cert-file en --key-file horen bij elkaar: geef ze allebei (of "
     "WOR_CERT_FILE en WOR_KEY_FILE)",
     "--cert-file and --key-file go together: give both (or WOR_CERT_FILE and "
     "WOR_KEY_FILE)"},
    {Msg::kCertNeedsCa,
     "een clientcertificaat werkt alleen over TLS: geef ook --ca-file (of "
     "WOR_CA_FILE), de CA die het certificaat van de server uitgaf",
     "a client certificate works only over TLS: also give --ca-file (or "
     "WOR_CA_FILE), the CA that issued the server's certificate"},
    {Msg::kTokenTwice,
     "geef het token op één manier: --token-file of --token (WOR_TOKEN_FILE of "
     "WOR_TOKEN), niet allebei",
     "give the token one way: --token-file or --token (WOR_TOKEN_FILE or "
     "WOR_TOKEN), not both"},
    {Msg::kTokenNeedsTls,
     "een token wordt alleen over een beveiligde verbinding verstuurd: geef "
     "ook --ca-file, --cert-file en --key-file (of WOR_CA_FILE, WOR_CERT_FILE "
     "en WOR_KEY_FILE); een ontwikkelserver zonder TLS gebruikt --dev-identity",
     "a token is sent only over a secure connection: also give --ca-file, "
     "--cert-file and --key-file (or WOR_CA_FILE, WOR_CERT_FILE and "
     "WOR_KEY_FILE); a development server without TLS takes --dev-identity"},
    {Msg::kDevIdentityNeedsPlaintext,
     "--dev-identity (WOR_DEV_IDENTITY) is voor een ontwikkelserver zonder TLS "
     "en gaat niet samen met --ca-file, --cert-file, --key-file of een token; "
     "laat één van beide weg",
     "--dev-identity (WOR_DEV_IDENTITY) is for a development server without "
     "TLS and does not go with --ca-file, --cert-file, --key-file or a token; "
     "leave one of them out"},
    {Msg::kCannotReadOptionFile,
     "kan $0 '$1' niet lezen; controleer het pad (of $2)",
     "cannot read $0 '$1'; check the path (or $2)"},
    {Msg::kNotPem, "$0 '$1' is geen PEM-bestand (verwacht '-----BEGIN …')",
     "$0 '$1' is not a PEM file (expected '-----BEGIN …')"},
    {Msg::kEmptyToken, "$0 bevat geen token (leeg); vraag een nieuw token aan",
     "$0 holds no token (empty); ask for a new token"},
    {Msg::kBadToken,
     "$0 bevat geen bruikbaar token: verwacht één woord zonder spaties (een "
     "JWT); vraag een nieuw token aan",
     "$0 holds no usable token: expected one word without spaces (a JWT); ask "
     "for a new token"},

    {Msg::kHintNotFound,
     "Niet gevonden. Controleer de naam (bijvoorbeeld referrals/…); 'wor list' "
     "toont de verwijzingen.",
     "Not found. Check the name (for example referrals/…); 'wor list' shows "
     "the referrals."},
    {Msg::kHintInvalidArgument,
     "Geweigerd door de server: een gegeven is ongeldig. Pas het genoemde "
     "veld aan en probeer het opnieuw.",
     "Refused by the server: a value is invalid. Correct the field named "
     "below and try again."},
    {Msg::kHintFailedPrecondition,
     "Geweigerd door de server: dit kan nu niet. Lees de reden hieronder; "
     "'wor get NAAM' toont de toestand van de verwijzing.",
     "Refused by the server: this is not possible now. Read the reason "
     "below; 'wor get NAME' shows the referral's state."},
    {Msg::kHintAlreadyExists,
     "Geweigerd door de server: deze request-id is al gebruikt voor een ander "
     "verzoek. Laat --request-id weg of herhaal precies hetzelfde verzoek.",
     "Refused by the server: this request id was already used for another "
     "request. Leave out --request-id or repeat exactly the same request."},
    {Msg::kHintAborted,
     "Geweigerd door de server: de verwijzing is intussen gewijzigd. Haal de "
     "actuele etag op met 'wor get' en probeer het opnieuw.",
     "Refused by the server: the referral changed in the meantime. Fetch the "
     "current etag with 'wor get' and try again."},
    {Msg::kHintUnavailable,
     "Server $0 is niet bereikbaar. Controleer --server (of WOR_SERVER) en of "
     "de server draait, en probeer het later opnieuw.",
     "Server $0 cannot be reached. Check --server (or WOR_SERVER) and that "
     "the server runs, and try again later."},
    {Msg::kHintDeadlineExceeded,
     "Server $0 antwoordde niet binnen $1 s. Probeer het opnieuw of verhoog "
     "--timeout.",
     "Server $0 did not answer within $1 s. Try again or raise --timeout."},
    {Msg::kHintOther,
     "Onverwachte fout ($0). Probeer het later opnieuw; blijft het, neem dan "
     "contact op met de beheerder.",
     "Unexpected error ($0). Try again later; if it persists, contact the "
     "system's operator."},
    {Msg::kHintMaybeTls,
     "Vraagt de server TLS? Geef dan --ca-file, --cert-file, --key-file en "
     "--token-file (in de demo: source var/demo-coach.env).",
     "Does the server require TLS? Then give --ca-file, --cert-file, "
     "--key-file and --token-file (in the demo: source var/demo-coach.env)."},
    {Msg::kHintTlsRefused,
     "De beveiligde verbinding met $0 kwam niet tot stand. Controleer "
     "--ca-file (de CA van de server) en uw certificaat: --cert-file en "
     "--key-file moeten bij elkaar horen, uitgegeven zijn door een CA die de "
     "server vertrouwt en niet verlopen zijn.",
     "The secure connection to $0 failed. Check --ca-file (the server's CA) "
     "and your certificate: --cert-file and --key-file must belong together, "
     "be issued by a CA the server trusts, and not have expired."},
    {Msg::kHintClientCertificateMissing,
     "Server $0 weigerde de beveiligde verbinding: hij vraagt het certificaat "
     "van uw organisatie. Geef --cert-file en --key-file (of WOR_CERT_FILE en "
     "WOR_KEY_FILE).",
     "Server $0 refused the secure connection: it requires your "
     "organisation's certificate. Give --cert-file and --key-file (or "
     "WOR_CERT_FILE and WOR_KEY_FILE)."},
    {Msg::kHintUnauthenticated,
     "Niet aangemeld: de server herkent u niet. Controleer uw token "
     "(--token-file) en uw certificaat (--cert-file); vraag zo nodig een nieuw "
     "token aan.",
     "Not signed in: the server does not recognise you. Check your token "
     "(--token-file) and certificate (--cert-file); ask for a new token if "
     "needed."},
    {Msg::kHintTokenExpired,
     "Uw token is verlopen: vraag een nieuw token aan en geef het met "
     "--token-file (of WOR_TOKEN_FILE).",
     "Your token has expired: ask for a new token and give it with "
     "--token-file (or WOR_TOKEN_FILE)."},
    {Msg::kHintTokenNotYetValid,
     "Uw token is nog niet geldig: controleer de klok van deze computer, of "
     "wacht even en probeer het opnieuw.",
     "Your token is not valid yet: check this computer's clock, or wait a "
     "moment and try again."},
    {Msg::kHintTokenMissing,
     "Geen token meegestuurd: de server moet weten wie u bent. Geef uw token "
     "met --token-file BESTAND (of WOR_TOKEN_FILE).",
     "No token sent: the server needs to know who you are. Give your token "
     "with --token-file FILE (or WOR_TOKEN_FILE)."},
    {Msg::kHintTokenWrongOrganisation,
     "Uw token hoort bij een andere organisatie dan uw certificaat: gebruik "
     "het token en het certificaat van dezelfde organisatie.",
     "Your token belongs to another organisation than your certificate: use "
     "the token and the certificate of the same organisation."},
    {Msg::kHintRoleNotOfOrganisation,
     "Deze rol hoort niet bij uw organisatie (een praktijk heeft GP en POH, "
     "een welzijnsorganisatie COACH en COORDINATOR): gebruik een token met "
     "een rol van de organisatie van uw certificaat.",
     "This role does not belong to your organisation (a practice has GP and "
     "POH, a welfare organisation COACH and COORDINATOR): use a token with a "
     "role of your certificate's organisation."},
    {Msg::kHintCertificateRefused,
     "De server kent uw certificaat niet als organisatie: gebruik het "
     "certificaat van uw eigen organisatie zoals die bij deze server is "
     "aangemeld (--cert-file en --key-file).",
     "The server does not know your certificate as an organisation: use the "
     "certificate of your own organisation as registered with this server "
     "(--cert-file and --key-file)."},
    {Msg::kHintDevIdentityRefused,
     "De ontwikkelserver weet niet wie u bent: geef --dev-identity "
     "ORGANISATIE,GEBRUIKER,ROL (of WOR_DEV_IDENTITY), bijvoorbeeld "
     "kvk:41234567,coach-1,COACH.",
     "The development server does not know who you are: give --dev-identity "
     "ORGANISATION,USER,ROLE (or WOR_DEV_IDENTITY), for example "
     "kvk:41234567,coach-1,COACH."},
    {Msg::kHintPermissionDenied,
     "Geweigerd: deze rol mag dit niet (of niet bij deze verwijzing). "
     "Verwijzen en annuleren doen de huisarts en POH van de verwijzende "
     "praktijk; oppakken, contact, intake en terugkoppeling de coach van de "
     "welzijnsorganisatie. Laat iemand met de juiste rol dit doen.",
     "Refused: this role may not do this (or not on this referral). The GP "
     "and POH of the referring practice refer and cancel; the welfare "
     "organisation's coach takes up, contacts, holds the intake and reports "
     "back. Ask someone with the right role to do it."},

    {Msg::kLabelState, "Status", "State"},
    {Msg::kLabelHeldState, "Gepauzeerd vanuit", "Held from"},
    {Msg::kLabelHoldReason, "Reden pauze", "Hold reason"},
    {Msg::kLabelRejectionReason, "Reden afwijzing", "Rejection reason"},
    {Msg::kLabelCancellationReason, "Reden annulering", "Cancellation reason"},
    {Msg::kLabelOrganisation, "Welzijnsorganisatie", "Welfare organisation"},
    {Msg::kLabelRegion, "Regio", "Region"},
    {Msg::kLabelReferrer, "Verwijzer", "Referrer"},
    {Msg::kLabelPractice, "praktijk", "practice"},
    {Msg::kLabelPatient, "Patiënt", "Patient"},
    {Msg::kLabelBorn, "geboren", "born"},
    {Msg::kLabelPhone, "Telefoon", "Phone"},
    {Msg::kLabelEmail, "E-mail", "E-mail"},
    {Msg::kLabelAddress, "Adres", "Address"},
    {Msg::kLabelContactTimes, "Liefst contact", "Preferred contact"},
    {Msg::kLabelLanguage, "Taal", "Language"},
    {Msg::kLabelIndicators, "Indicatoren", "Indicators"},
    {Msg::kLabelQuestion, "Hulpvraag", "Question"},
    {Msg::kLabelDeadlines, "Termijnen", "Deadlines"},
    {Msg::kLabelContactTarget, "eerste contact (streef)",
     "first contact (target)"},
    {Msg::kLabelContactLimit, "eerste contact (uiterlijk)",
     "first contact (limit)"},
    {Msg::kLabelIntakeDeadline, "intake", "intake"},
    {Msg::kLabelMetAt, "op $0", "at $0"},
    {Msg::kLabelOverdue, "VERLOPEN", "OVERDUE"},
    {Msg::kLabelContactAttempts, "Contactpogingen", "Contact attempts"},
    {Msg::kLabelIntake, "Intake", "Intake"},
    {Msg::kLabelScheduled, "gepland", "scheduled"},
    {Msg::kLabelHeld, "gehouden", "held"},
    {Msg::kLabelScores, "scores", "scores"},
    {Msg::kLabelActivity, "Activiteit", "Activity"},
    {Msg::kLabelClosing, "Afsluiting", "Closing"},
    {Msg::kLabelCreated, "Aangemaakt", "Created"},
    {Msg::kLabelUpdated, "Gewijzigd", "Updated"},
    {Msg::kLabelEtag, "Etag", "Etag"},
    {Msg::kLabelFeedbackKind, "Soort", "Kind"},
    {Msg::kLabelSent, "Verstuurd", "Sent"},
    {Msg::kLabelAcknowledged, "Ontvangen door verwijzer",
     "Acknowledged by referrer"},
    {Msg::kLabelNotAcknowledged, "nog niet", "not yet"},
    {Msg::kLabelSummary, "Samenvatting", "Summary"},
    {Msg::kLabelConsent, "Toestemming", "Consent"},
    {Msg::kLabelConsentObtained, "Verkregen", "Obtained"},
    {Msg::kLabelConsentHistory, "Geschiedenis", "History"},
    {Msg::kConsentNone, "geen: alle toestemming is ingetrokken",
     "none: all consent was withdrawn"},
    {Msg::kConsentGranted, "gegeven", "granted"},
    {Msg::kConsentRevoked, "ingetrokken", "revoked"},
    {Msg::kConsentBy, "door $0", "by $0"},
    {Msg::kConsentTextVersion, "tekstversie $0", "text version $0"},
    {Msg::kPatientWithheld,
     "niet zichtbaar voor uw rol (geen toestemming van de patiënt om te delen)",
     "not visible to your role (no consent from the patient to share)"},
    {Msg::kPatientErased, "gewist op verzoek van de patiënt",
     "erased at the patient's request"},

    {Msg::kPingOk, "Server $0 is bereikbaar ($1 ms).",
     "Server $0 is reachable ($1 ms)."},
    {Msg::kMorePages,
     "Er zijn meer verwijzingen; gebruik --all om alle te tonen.",
     "There are more referrals; use --all to show them all."},
    {Msg::kNoReferrals, "Geen verwijzingen gevonden.", "No referrals found."},
    {Msg::kNoFeedback, "Nog geen terugkoppeling.", "No feedback yet."},
    {Msg::kWatching, "Volgt gebeurtenissen op $0 (Ctrl-C stopt).",
     "Following events on $0 (Ctrl-C stops)."},
    {Msg::kFormTitle, "Verwijsformulier (versie $0)",
     "Referral form (version $0)"},
    {Msg::kRequired, "verplicht", "required"},
    {Msg::kOptions, "opties", "options"},
    {Msg::kRefusingAnswer, "antwoord '$0' weigert de verwijzing: $1",
     "answer '$0' refuses the referral: $1"},
    {Msg::kMaxLength, "max. $0 tekens", "max. $0 characters"},
    {Msg::kCatalogueTitle, "Activiteitencatalogus van $0",
     "Activity catalogue of $0"},
    {Msg::kNoActivities, "(geen activiteiten vermeld)",
     "(no activities listed)"},

    {Msg::kHelpUsage, "Gebruik", "Usage"},
    {Msg::kHelpCommands, "Opdrachten", "Commands"},
    {Msg::kHelpGlobal,
     "Algemene opties (vóór de opdracht):\n"
     "  --server HOST:PORT  server (standaard WOR_SERVER, anders "
     "127.0.0.1:50051)\n"
     "  --json              antwoord van de server als JSON, één regel per "
     "bericht\n"
     "  --lang nl|en        taal van hulp en meldingen (standaard WOR_LANG, "
     "anders nl)\n"
     "  --timeout SECONDEN  maximale wachttijd per aanroep (standaard 10)\n"
     "  --profile NAAM      instellingen van 'wor login' (standaard "
     "WOR_PROFILE,\n"
     "                      anders het profiel 'default'); opties en WOR_*\n"
     "                      gaan voor",
     "Global options (before the command):\n"
     "  --server HOST:PORT  server (default WOR_SERVER, else 127.0.0.1:50051)\n"
     "  --json              the server's answer as JSON, one line per message\n"
     "  --lang nl|en        language of help and messages (default WOR_LANG, "
     "else nl)\n"
     "  --timeout SECONDS   longest wait per call (default 10)\n"
     "  --profile NAME      settings saved by 'wor login' (default "
     "WOR_PROFILE,\n"
     "                      else the profile 'default'); flags and WOR_*\n"
     "                      take precedence"},
    {Msg::kHelpIdentity,
     "Wie u bent (vóór de opdracht; tussen haakjes de omgevingsvariabele die\n"
     "anders geldt):\n"
     "  --ca-file BESTAND     CA van het servercertificaat (WOR_CA_FILE); "
     "hiermee\n"
     "                        TLS, zonder: onversleuteld (alleen "
     "ontwikkeling)\n"
     "  --cert-file BESTAND   certificaat van uw organisatie "
     "(WOR_CERT_FILE)\n"
     "  --key-file BESTAND    sleutel bij dat certificaat (WOR_KEY_FILE)\n"
     "  --token-file BESTAND  uw gebruikerstoken, bij elke opdracht opnieuw\n"
     "                        gelezen (WOR_TOKEN_FILE)\n"
     "  --token TOKEN         het token zelf (WOR_TOKEN); liever "
     "--token-file:\n"
     "                        een argument is zichtbaar voor andere "
     "gebruikers\n"
     "  --dev-identity ORG,GEBRUIKER,ROL[,NAMENS]\n"
     "                        alleen voor een ontwikkelserver zonder TLS\n"
     "                        (WOR_DEV_IDENTITY), bijv. "
     "kvk:41234567,coach-1,COACH\n"
     "Het token gaat bij elke aanroep mee als 'authorization: Bearer …' en "
     "wordt\n"
     "nooit getoond. In de demo zet 'source var/demo-gp.env' of\n"
     "'source var/demo-coach.env' dit allemaal klaar.",
     "Who you are (before the command; in brackets the environment variable\n"
     "used otherwise):\n"
     "  --ca-file FILE        CA of the server's certificate (WOR_CA_FILE); "
     "with it\n"
     "                        TLS, without it plaintext (development only)\n"
     "  --cert-file FILE      your organisation's certificate "
     "(WOR_CERT_FILE)\n"
     "  --key-file FILE       the key of that certificate (WOR_KEY_FILE)\n"
     "  --token-file FILE     your user token, read again by every command\n"
     "                        (WOR_TOKEN_FILE)\n"
     "  --token TOKEN         the token itself (WOR_TOKEN); prefer "
     "--token-file:\n"
     "                        an argument is visible to other users\n"
     "  --dev-identity ORG,USER,ROLE[,ACTING_FOR]\n"
     "                        only for a development server without TLS\n"
     "                        (WOR_DEV_IDENTITY), e.g. "
     "kvk:41234567,coach-1,COACH\n"
     "The token travels with every call as 'authorization: Bearer …' and is\n"
     "never shown. In the demo, 'source var/demo-gp.env' or\n"
     "'source var/demo-coach.env' sets all of this up."},
    {Msg::kHelpExitCodes,
     "Afsluitcodes: 0 gelukt, 1 overige fouten, 2 verkeerde aanroep (niets\n"
     "verstuurd), 3 niet gevonden, 4 geweigerd door de server, 5 server niet\n"
     "bereikbaar, 6 niet aangemeld (certificaat of token ontbreekt, is "
     "ongeldig\n"
     "of verlopen), 7 niet toegestaan voor uw rol of organisatie.",
     "Exit codes: 0 done, 1 other errors, 2 wrong usage (nothing sent), 3 not\n"
     "found, 4 refused by the server, 5 server unreachable, 6 not signed in\n"
     "(certificate or token missing, invalid or expired), 7 not allowed for\n"
     "your role or organisation."},
    {Msg::kHelpMore,
     "'wor help OPDRACHT' of 'wor OPDRACHT --help' toont de details.",
     "'wor help COMMAND' or 'wor COMMAND --help' shows the details."},
    {Msg::kHelpAllowedValues, "Waarden voor --$0: $1", "Values of --$0: $1"},
    {Msg::kHelpVerbOptions,
     "  --etag E         alleen wijzigen als de verwijzing nog deze etag "
     "heeft\n"
     "                   (anders geweigerd; zie 'wor get')\n"
     "  --request-id ID  id van dit verzoek; een herhaling met dezelfde id "
     "doet\n"
     "                   niets dubbel (standaard een nieuwe UUID)",
     "  --etag E         change only if the referral still has this etag\n"
     "                   (refused otherwise; see 'wor get')\n"
     "  --request-id ID  id of this request; a retry with the same id does\n"
     "                   nothing twice (default a fresh UUID)"},
    {Msg::kHelpSubcommands, "Subopdrachten", "Subcommands"},
};

}  // namespace

absl::StatusOr<Language> ParseLanguage(absl::string_view code) {
  const std::string lower = absl::AsciiStrToLower(code);
  if (lower == "nl") return Language::kDutch;
  if (lower == "en") return Language::kEnglish;
  return absl::InvalidArgumentError(absl::StrCat("unknown language ", code));
}

absl::string_view Messages::Text(Msg id) const {
  for (const Entry& entry : kEntries) {
    if (entry.id == id) {
      return language_ == Language::kDutch ? entry.nl : entry.en;
    }
  }
  return "?";  // Cannot happen: every Msg has an entry above.
}

const std::string& Messages::Pick(const wor::v1::LocalizedText& text) const {
  const bool dutch = language_ == Language::kDutch;
  const std::string& first = dutch ? text.nl() : text.en();
  return first.empty() ? (dutch ? text.en() : text.nl()) : first;
}

}  // namespace wor::client
