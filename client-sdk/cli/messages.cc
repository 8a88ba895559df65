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
     "\n"
     "Afsluitcodes: 0 gelukt, 2 verkeerde aanroep, 3 niet gevonden,\n"
     "4 geweigerd door de server, 5 server niet bereikbaar, 1 overige fouten.",
     "Global options (before the command):\n"
     "  --server HOST:PORT  server (default WOR_SERVER, else 127.0.0.1:50051)\n"
     "  --json              the server's answer as JSON, one line per message\n"
     "  --lang nl|en        language of help and messages (default WOR_LANG, "
     "else nl)\n"
     "  --timeout SECONDS   longest wait per call (default 10)\n"
     "\n"
     "Exit codes: 0 done, 2 wrong usage, 3 not found, 4 refused by the "
     "server,\n"
     "5 server unreachable, 1 other errors."},
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
