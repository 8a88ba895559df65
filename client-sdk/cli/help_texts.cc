#include "client-sdk/cli/help_texts.h"

namespace wor::client {
namespace {

struct Entry {
  const char* path;
  const char* summary_nl;
  const char* summary_en;
  const char* details_nl;
  const char* details_en;
};

constexpr Entry kEntries[] = {
    {"create", "Maak een verwijzing aan uit een bestand",
     "Create a referral from a file",
     "FILE is een wor.v1.Referral in protobuf-tekstformaat, of '-' voor de\n"
     "standaardinvoer (voorbeeld: "
     "client-sdk/cli/examples/referral.textproto).\n"
     "De eerste regel van de uitvoer is de naam van de nieuwe verwijzing.\n"
     "--request-id ID maakt een herhaalde poging veilig: dezelfde id maakt\n"
     "de verwijzing niet twee keer aan (standaard een nieuwe UUID).",
     "FILE is a wor.v1.Referral in protobuf text format, or '-' for standard\n"
     "input (example: client-sdk/cli/examples/referral.textproto). The first\n"
     "line of the output is the new referral's name. --request-id ID makes a\n"
     "retry safe: the same id never creates the referral twice (default a\n"
     "fresh UUID)."},
    {"login", "Bewaar een profiel: server, certificaat en token",
     "Save a profile: server, certificate and token",
     "Bewaart de verbinding onder een naam (--profile, standaard 'default')\n"
     "in $XDG_CONFIG_HOME/wor/profiles (standaard ~/.config/wor/profiles),\n"
     "bestand 0600, map 0700, paden absoluut. Alleen de plaats van het token\n"
     "(--token-file) wordt bewaard, nooit het token. Eerst vraagt 'wor login'\n"
     "de server wie u bent (ping) en bewaart alleen als dat lukt; --no-check\n"
     "slaat die controle over. --list toont de profielen (* = in gebruik).\n"
     "Voorrang: opties op de opdrachtregel, dan WOR_*, dan het profiel.\n"
     "Voorbeeld: wor login --server wor.example.nl:443 --ca-file ca.pem\n"
     "  --cert-file org.pem --key-file org.key.pem --token-file coach.jwt",
     "Saves the connection under a name (--profile, default 'default') in\n"
     "$XDG_CONFIG_HOME/wor/profiles (default ~/.config/wor/profiles), file\n"
     "0600, directory 0700, paths absolute. Only where the token is\n"
     "(--token-file) is saved, never the token. 'wor login' first asks the\n"
     "server who you are (ping) and saves only when that works; --no-check\n"
     "skips the check. --list shows the profiles (* = in use). Precedence:\n"
     "command-line options, then WOR_*, then the profile.\n"
     "Example: wor login --server wor.example.nl:443 --ca-file ca.pem\n"
     "  --cert-file org.pem --key-file org.key.pem --token-file coach.jwt"},
    {"logout", "Verwijder een bewaard profiel", "Remove a saved profile",
     "--profile NAAM (standaard 'default'). Het token-bestand blijft staan.",
     "--profile NAME (default 'default'). The token file itself stays."},
    {"referrals",
     "Uw werklijst: open verwijzingen, eerstvolgende termijn eerst",
     "Your worklist: open referrals, nearest deadline first",
     "Standaard de open verwijzingen van u als coach, plus nieuwe die nog\n"
     "niemand heeft aangenomen. Te late verwijzingen staan bovenaan, met '!'\n"
     "en TE LAAT; daarna op eerstvolgende lopende termijn. Per regel: naam,\n"
     "status, volgende termijn, uiterste datum en hoeveel werkdagen er nog\n"
     "zijn (of hoeveel te laat), geteld met de wettelijke feestdagen.\n"
     "Geen patiëntgegevens: die toont 'wor show'. --all-coaches (coördinator)\n"
     "toont de hele organisatie, --coach die van één coach, --state filtert.\n"
     "Met --json één JSON-document in dezelfde volgorde.",
     "By default your own open referrals as a coach, plus new ones nobody\n"
     "has accepted yet. Overdue referrals come first, marked '!' and\n"
     "OVERDUE; then by nearest running deadline. Per line: name, state, next\n"
     "deadline, due date and how many working days are left (or overdue),\n"
     "counted with the statutory holidays. No patient data: see 'wor show'.\n"
     "--all-coaches (coordinator) shows the whole organisation, --coach one\n"
     "coach's, --state filters. With --json one JSON document in the same\n"
     "order."},
    {"show", "Toon één verwijzing volledig, met de volgende termijn",
     "Show one referral in full, with the next deadline",
     "Als 'wor get', met daaronder de termijn die als eerste aandacht vraagt.",
     "Like 'wor get', followed by the deadline that needs attention first."},
    {"get", "Toon één verwijzing, met wat u van de patiënt mag zien",
     "Show one referral, with what you may see of the patient",
     "NAME is referrals/… . Toont status, termijnen, contactpogingen, intake,\n"
     "activiteit en de gegevens die de coach nodig heeft om te bellen. De\n"
     "server laat weg wat uw rol niet mag zien: zonder toestemming\n"
     "share-with-coach ziet de coach geen gegevens van de patiënt.",
     "NAME is referrals/… . Shows state, deadlines, contact attempts, intake,\n"
     "activity and what the coach needs to phone the patient. The server\n"
     "leaves out what your role may not see: without share-with-coach\n"
     "consent the coach sees none of the patient's details."},
    {"list", "Toon verwijzingen, één per regel", "List referrals, one per line",
     "Per regel: naam, status, uiterste datum eerste contact, uiterste datum\n"
     "intake. --state mag vaker gegeven worden. --practice filtert op de\n"
     "AGB-code van de praktijk, --organisation op welfareOrganisations/KVK.\n"
     "--page-size N (1–200) bepaalt de paginagrootte; --all haalt alle\n"
     "pagina's op.",
     "Per line: name, state, first-contact limit date, intake due date.\n"
     "--state may be repeated. --practice filters by the practice's AGB code,\n"
     "--organisation by welfareOrganisations/KVK. --page-size N (1–200) sets\n"
     "the page size; --all fetches every page."},
    {"accept", "Neem een verwijzing in behandeling", "Take up a referral",
     "Van requested naar accepted: de welzijnsorganisatie pakt de verwijzing\n"
     "op en de termijn voor het eerste contact loopt.",
     "From requested to accepted: the welfare organisation takes up the\n"
     "referral and the first-contact deadline runs."},
    {"reject", "Wijs een verwijzing af met een reden",
     "Reject a referral with a reason",
     "Alleen vanuit requested. De verwijzer ziet de reden.",
     "Only from requested. The referrer sees the reason."},
    {"cancel", "Annuleer een open verwijzing", "Cancel an open referral",
     "Vanuit elke open status; de verwijzing is daarna afgesloten.",
     "From any open state; the referral is closed afterwards."},
    {"hold", "Pauzeer een verwijzing; de termijnen staan stil",
     "Put a referral on hold; its deadlines pause",
     "Bijvoorbeeld als de patiënt na meerdere pogingen onbereikbaar is, of\n"
     "later wil beginnen. 'wor resume' gaat verder waar het was.",
     "For example when the patient is unreachable after several attempts or\n"
     "wants to start later. 'wor resume' continues where it was."},
    {"resume", "Hervat een gepauzeerde verwijzing", "Resume a referral on hold",
     "Terug naar de status van vóór de pauze.",
     "Back to the state it was in before the hold."},
    {"contact", "Leg een contactpoging met de patiënt vast",
     "Record an attempt to reach the patient",
     "--result reached zet accepted op contacted en haalt de termijn voor het\n"
     "eerste contact. --channel is standaard phone; --at is standaard nu\n"
     "(RFC 3339, niet in de toekomst).",
     "--result reached moves accepted to contacted and meets the first-\n"
     "contact deadline. --channel defaults to phone; --at defaults to now\n"
     "(RFC 3339, not in the future)."},
    {"slots", "Toon vrije tijden voor de intake",
     "Show free slots for the intake",
     "Genummerde vrije tijden van de coach (--coach, standaard uzelf) uit de\n"
     "gepubliceerde beschikbaarheid, met of de intake dan binnen de termijn\n"
     "valt. --from RFC3339 (standaard nu), --count N (1–20, standaard 5),\n"
     "--duration MINUTEN (standaard 60). 'wor schedule --slot N' plant in\n"
     "tijd N.",
     "Numbered free slots of the coach (--coach, default yourself) from the\n"
     "published availability, with whether an intake then meets the\n"
     "deadline. --from RFC3339 (default now), --count N (1–20, default 5),\n"
     "--duration MINUTES (default 60). 'wor schedule --slot N' books slot N."},
    {"schedule", "Plan (of verzet) het intakegesprek",
     "Schedule (or reschedule) the intake",
     "Geef --at (RFC 3339, niet in het verleden, bijvoorbeeld\n"
     "2026-05-04T10:00:00+02:00) of --slot N uit 'wor slots' (met dezelfde\n"
     "--coach en --duration). --coach: standaard uzelf; --duration MINUTEN\n"
     "(15–240, standaard 60). Na de intaketermijn is --late-reason verplicht.",
     "Give --at (RFC 3339, not in the past, for example\n"
     "2026-05-04T10:00:00+02:00) or --slot N from 'wor slots' (with the same\n"
     "--coach and --duration). --coach: default yourself; --duration MINUTES\n"
     "(15–240, default 60). After the intake deadline --late-reason is\n"
     "required."},
    {"intake cancel", "Annuleer de geplande intake", "Cancel the booked intake",
     "Terug naar contacted; de tijd van de coach komt weer vrij. --by zegt\n"
     "wie annuleerde.",
     "Back to contacted; the coach's time is free again. --by says who\n"
     "cancelled."},
    {"intake no-show", "Leg vast dat de patiënt niet kwam",
     "Record that the patient did not come",
     "Pas na het begin van de intake. Terug naar contacted: plan opnieuw\n"
     "(na de termijn met --late-reason patient-no-show).",
     "Only after the intake's start. Back to contacted: book again (after\n"
     "the deadline with --late-reason patient-no-show)."},
    {"availability", "Beschikbaarheid van een coach voor intakes",
     "A coach's availability for intakes", "", ""},
    {"availability set", "Publiceer uw vaste uren voor intakes",
     "Publish your regular hours for intakes",
     "Vervangt de vaste weekuren door --hours UU:MM-UU:MM op elke --day;\n"
     "uitzonderingen en verlof blijven. --coach: standaard uzelf.\n"
     "Voorbeeld: wor availability set --day monday --day tuesday --hours\n"
     "09:00-12:00",
     "Replaces the weekly hours with --hours HH:MM-HH:MM on every --day;\n"
     "exceptions and leave stay. --coach: default yourself.\n"
     "Example: wor availability set --day monday --day tuesday --hours\n"
     "09:00-12:00"},
    {"report", "Schrijf de regionale rapportage als HTML-bestand",
     "Write the regional report as an HTML file",
     "Voor partners (gemeente, verzekeraar, regio): verwijzingen per maand\n"
     "per praktijk, termijnen, uitkomsten, welbevinden en budget, anoniem\n"
     "(aantallen onder 5 onderdrukt), over hele maanden: --from standaard\n"
     "1 januari, --to standaard het einde van deze maand, --out standaard\n"
     "wor-rapport-VAN-TOT.html.\n"
     "Voorbeeld: wor report --from 2026-01-01 --to 2026-06-30",
     "For partners (municipality, insurer, region): referrals per month per\n"
     "practice, deadlines, outcomes, wellbeing and budget, anonymous\n"
     "(counts under 5 suppressed), over whole months: --from defaults to\n"
     "1 January, --to to the end of this month, --out to\n"
     "wor-rapport-FROM-TO.html.\n"
     "Example: wor report --from 2026-01-01 --to 2026-06-30"},
    {"time log", "Schrijf tijd op een verwijzing (voor het budget)",
     "Log time on a referral (for the budget)",
     "--minutes: de bestede minuten (1–1440); --day standaard vandaag.\n"
     "Voorbeeld: wor time log referrals/ID --minutes 45",
     "--minutes: the minutes spent (1–1440); --day defaults to today.\n"
     "Example: wor time log referrals/ID --minutes 45"},
    {"completion", "Schrijf een script voor aanvullen met Tab (bash, zsh)",
     "Print a Tab-completion script (bash, zsh)",
     "Vult opdrachten, opties en hun waarden aan. In ~/.bashrc:\n"
     "  source <(wor completion bash)\n"
     "In ~/.zshrc: source <(wor completion zsh)",
     "Completes commands, options and their values. In ~/.bashrc:\n"
     "  source <(wor completion bash)\n"
     "In ~/.zshrc: source <(wor completion zsh)"},
    {"intake", "Leg het gehouden intakegesprek vast met de scores",
     "Record the held intake with its scores",
     "--scores: de zes scores van Positieve Gezondheid (0–10), gescheiden "
     "door\n"
     "komma's, in deze volgorde: lichaamsfuncties, mentaal welbevinden,\n"
     "zingeving, kwaliteit van leven, meedoen, dagelijks functioneren.\n"
     "--at is standaard nu. Zie ook 'wor intake cancel' en 'wor intake\n"
     "no-show'.",
     "--scores: the six Positive Health scores (0–10), comma-separated, in\n"
     "this order: bodily functions, mental wellbeing, meaning, quality of\n"
     "life, participation, daily functioning. --at defaults to now.\n"
     "See also 'wor intake cancel' and 'wor intake no-show'."},
    {"activity", "Leg de gekozen activiteit vast", "Record the chosen activity",
     "--category en --activity zijn codes uit 'wor catalogue', bijvoorbeeld\n"
     "--category movement_and_fun --activity walking_group.",
     "--category and --activity are ids from 'wor catalogue', for example\n"
     "--category movement_and_fun --activity walking_group."},
    {"complete", "Sluit een verwijzing af met de uitkomst",
     "Close a referral with its outcome",
     "Na een intake vraagt de uitkomst activity-started ook de afsluitende\n"
     "--scores (zelfde volgorde als bij 'wor intake').",
     "After an intake the outcome activity-started also needs the closing\n"
     "--scores (same order as for 'wor intake')."},
    {"feedback", "Terugkoppeling aan de verwijzer", "Feedback to the referrer",
     "", ""},
    {"feedback send", "Stuur terugkoppeling aan de verwijzer",
     "Send feedback to the referrer",
     "De samenvatting (wat de huisarts moet weten, geen werkaantekeningen)\n"
     "komt uit --file FILE of uit de standaardinvoer. after-intake kan na de\n"
     "intake, at-closing na de afsluiting, interim daartussen.\n"
     "--request-id ID: zie 'wor help create'.",
     "The summary (what the GP needs to know, not the coach's notes) comes\n"
     "from --file FILE or standard input. after-intake is possible after the\n"
     "intake, at-closing after closing, interim in between.\n"
     "--request-id ID: see 'wor help create'."},
    {"feedback list", "Toon de terugkoppeling bij een verwijzing",
     "List the feedback of a referral", "", ""},
    {"feedback ack", "Bevestig dat de terugkoppeling in het dossier staat",
     "Acknowledge feedback as filed in the record",
     "FEEDBACK_NAME is referrals/…/feedback/… . Twee keer bevestigen kan geen\n"
     "kwaad.",
     "FEEDBACK_NAME is referrals/…/feedback/… . Acknowledging twice is\n"
     "harmless."},
    {"consent", "Toestemming van de patiënt bij een verwijzing",
     "The patient's consent on a referral", "", ""},
    {"consent show", "Toon de toestemming en haar geschiedenis",
     "Show the consent and its history",
     "Per verwijzing: waarvoor de patiënt nu toestemming geeft, hoe die is\n"
     "verkregen, en elke keer dat toestemming is gegeven of ingetrokken.",
     "Per referral: what the patient consents to now, how that consent was\n"
     "obtained, and every time consent was given or withdrawn."},
    {"consent grant", "Leg extra toestemming van de patiënt vast",
     "Record further consent of the patient",
     "Voor de huisarts of POH van de verwijzende praktijk, bijvoorbeeld\n"
     "--scope feedback-to-referrer als de patiënt later toch terugkoppeling\n"
     "wil. --obtained-by is de AGB-code van wie de toestemming vroeg,\n"
     "--text-version de versie van de getoonde tekst (zie 'wor form'), --at\n"
     "is standaard nu.",
     "For the GP or POH of the referring practice, for example\n"
     "--scope feedback-to-referrer when the patient wants feedback after\n"
     "all. --obtained-by is the AGB code of who asked, --text-version the\n"
     "version of the text shown (see 'wor form'), --at defaults to now."},
    {"consent revoke", "Trek toestemming in (een deel of alles)",
     "Withdraw consent (in part or entirely)",
     "Kan altijd, door de praktijk of de coach, als de patiënt dat zegt.\n"
     "Geef --scope (één of meer keer) of --all. Zonder share-with-coach ziet\n"
     "de coach vanaf de volgende aanroep de gegevens van de patiënt niet meer.",
     "Always possible, by the practice or the coach, when the patient says\n"
     "so. Give --scope (once or more) or --all. Without share-with-coach the\n"
     "coach no longer sees the patient's details from the next call on."},
    {"consent receipt", "Druk het toestemmingsbewijs voor de patiënt af",
     "Print the consent receipt for the patient",
     "Een bewijs in gewone taal: waarvoor de patiënt toestemming gaf of die\n"
     "introk, en hoe intrekken kan. --language nl|en kiest de taal van het\n"
     "bewijs (standaard die van --lang).",
     "A receipt in plain language: what the patient consented to or\n"
     "withdrew, and how to withdraw. --language nl|en chooses the receipt's\n"
     "language (default that of --lang)."},
    {"form", "Toon het verwijsformulier", "Show the referral form",
     "Secties en vragen in de gekozen taal, met het veld dat elke vraag vult\n"
     "(zoals in foutmeldingen van de server) en de antwoorden die een\n"
     "verwijzing weigeren.",
     "Sections and questions in the chosen language, with the field each\n"
     "question fills (as named in the server's errors) and the answers that\n"
     "refuse a referral."},
    {"catalogue", "Toon de activiteiten van de regio",
     "Show the region's activities",
     "--hsds: als Open Referral HSDS 3.0 (JSON), voor de sociale kaart.",
     "--hsds: as Open Referral HSDS 3.0 (JSON), for the social map."},
    {"watch", "Volg wijzigingen van verwijzingen (Ctrl-C stopt)",
     "Follow referral changes (Ctrl-C stops)",
     "Per gebeurtenis één regel: hervatpunt, soort, verwijzing, status; nooit\n"
     "patiëntgegevens. --from TOKEN gaat verder na dat hervatpunt.",
     "One line per event: resume token, type, referral, state; never patient\n"
     "data. --from TOKEN continues after that resume token."},
    {"ping", "Controleer of de server bereikbaar is",
     "Check that the server is reachable", "", ""},
    {"help", "Toon hulp bij een opdracht", "Show help on a command", "", ""},
};

}  // namespace

HelpText FindHelpText(absl::string_view path, Language language) {
  const bool dutch = language == Language::kDutch;
  for (const Entry& entry : kEntries) {
    if (entry.path == path) {
      return {dutch ? entry.summary_nl : entry.summary_en,
              dutch ? entry.details_nl : entry.details_en};
    }
  }
  return {};
}

}  // namespace wor::client
