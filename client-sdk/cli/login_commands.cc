// `wor login` (save a profile after checking it against the server, or list
// the profiles) and `wor logout` (remove one). See profiles.h.
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/format_values.h"
#include "client-sdk/cli/profiles.h"
#include "wor/client/diagnostics_connection.h"

namespace wor::client {
namespace {

constexpr char kLoginCommand[] = "login";

int UsageError(CommandContext& context, absl::string_view nl,
               absl::string_view en, absl::string_view command,
               absl::string_view argument = "") {
  return ReportUsageError(context,
                          absl::InvalidArgumentError(absl::Substitute(
                              context.messages().Pick(nl, en), argument)),
                          command);
}

// The profile named on the command (--profile), else by `wor --profile`,
// else "default".
std::string ProfileName(const CommandContext& context,
                        const ParsedFlags& flags) {
  if (flags.Has("profile")) return flags.Value("profile");
  if (!context.options().profile.empty()) return context.options().profile;
  return kDefaultProfile;
}

int ListSavedProfiles(CommandContext& context) {
  const std::string& directory = context.options().profile_directory;
  const std::vector<std::string> names = ListProfiles(directory);
  if (names.empty()) {
    context.err() << context.messages().Pick(
                         "Nog geen profielen. Maak er een met 'wor login "
                         "--server HOST:PORT …' (zie 'wor help login').",
                         "No profiles yet. Make one with 'wor login --server "
                         "HOST:PORT …' (see 'wor help login').")
                  << "\n";
    return kExitOk;
  }
  for (const std::string& name : names) {
    absl::StatusOr<Profile> profile = LoadProfile(directory, name);
    const bool active = name == context.options().active_profile;
    context.out() << (active ? "* " : "  ") << name << "  ";
    if (!profile.ok()) {
      context.out() << context.messages().Pick("(onleesbaar)", "(unreadable)")
                    << "\n";
      continue;
    }
    context.out() << profile->server << "  "
                  << (profile->dev_identity.empty()
                          ? (profile->ca_file.empty() ? "plaintext" : "mTLS")
                          : "dev-identity")
                  << "\n";
  }
  return kExitOk;
}

// The profile the login flags describe, paths made absolute; a usage
// error's exit code when they do not describe one.
int ProfileFromFlags(CommandContext& context, const ParsedFlags& flags,
                     Profile& profile) {
  profile.server = flags.Value("server");
  profile.ca_file = AbsolutePath(flags.Value("ca-file"));
  profile.cert_file = AbsolutePath(flags.Value("cert-file"));
  profile.key_file = AbsolutePath(flags.Value("key-file"));
  profile.token_file = AbsolutePath(flags.Value("token-file"));
  profile.dev_identity = flags.Value("dev-identity");
  profile.language = flags.Value("lang");
  if (!profile.language.empty() && !ParseLanguage(profile.language).ok()) {
    return ReportUsageError(
        context,
        absl::InvalidArgumentError(
            context.messages().Format(Msg::kBadLanguage, profile.language)),
        kLoginCommand);
  }
  if (profile.dev_identity.empty() && profile.ca_file.empty()) {
    return UsageError(
        context,
        "zeg wie u bent: --ca-file, --cert-file, --key-file en --token-file "
        "(server met TLS), of --dev-identity (ontwikkelserver)",
        "say who you are: --ca-file, --cert-file, --key-file and "
        "--token-file (a TLS server), or --dev-identity (a development "
        "server)",
        kLoginCommand);
  }
  return kExitOk;
}

// Asks the server who it sees, with the profile's settings only.
int CheckProfile(CommandContext& context, const Profile& profile,
                 wor::v1::PingResponse& who) {
  GlobalOptions options;
  options.server = profile.server;
  options.language = context.options().language;
  options.timeout = context.options().timeout;
  options.ca_file = profile.ca_file;
  options.cert_file = profile.cert_file;
  options.key_file = profile.key_file;
  options.token_file = profile.token_file;
  options.dev_identity = profile.dev_identity;
  options.active_profile = "login";  // settings were given: no login advice
  CommandContext check(options, context.in(), context.out(), context.err(),
                       context.now());
  const absl::Status security = check.LoadSecurity();
  if (!security.ok()) {
    return ReportUsageError(context, security, kLoginCommand);
  }
  const absl::Status status = CallUnary(check, &DiagnosticsConnection::Ping,
                                        wor::v1::PingRequest(), &who);
  if (!status.ok()) {
    const int code = ReportRpcError(check, status);
    context.err() << context.messages().Pick(
                         "Het profiel is niet opgeslagen. Herstel de "
                         "instellingen, of sla het ongecontroleerd op met "
                         "--no-check.",
                         "The profile was not saved. Fix the settings, or "
                         "save it unchecked with --no-check.")
                  << "\n";
    return code;
  }
  return kExitOk;
}

}  // namespace

int RunLogin(CommandContext& context, const ParsedFlags& flags) {
  if (flags.Has("list")) return ListSavedProfiles(context);
  const std::string name = ProfileName(context, flags);
  if (!IsValidProfileName(name)) {
    return UsageError(context,
                      "ongeldige profielnaam '$0': gebruik letters, cijfers, "
                      "'-', '_' of '.'",
                      "invalid profile name '$0': use letters, digits, '-', "
                      "'_' or '.'",
                      kLoginCommand, name);
  }
  const std::string& directory = context.options().profile_directory;
  if (directory.empty()) {
    return UsageError(context,
                      "geen map voor profielen: zet HOME of XDG_CONFIG_HOME",
                      "no directory for profiles: set HOME or XDG_CONFIG_HOME",
                      kLoginCommand);
  }
  Profile profile;
  const int described = ProfileFromFlags(context, flags, profile);
  if (described != kExitOk) return described;

  wor::v1::PingResponse who;
  if (!flags.Has("no-check")) {
    const int checked = CheckProfile(context, profile, who);
    if (checked != kExitOk) return checked;
  }
  const absl::Status saved = SaveProfile(directory, name, profile);
  if (!saved.ok()) return ReportLocalError(context, saved);

  const Messages& messages = context.messages();
  context.out() << absl::Substitute(
                       messages.Pick("Profiel '$0' opgeslagen in $1/$0.",
                                     "Profile '$0' saved in $1/$0."),
                       name, directory)
                << "\n";
  if (!who.organisation().empty()) {
    context.out() << absl::Substitute(
                         messages.Pick("De server kent u als $0 van $1, rol "
                                       "$2.",
                                       "The server knows you as $0 of $1, "
                                       "role $2."),
                         who.user(), who.organisation(), EnumText(who.role()))
                  << "\n";
  }
  if (!who.coach().empty()) {
    context.out() << messages.Pick("Uw werklijst: 'wor referrals' (coach ",
                                   "Your worklist: 'wor referrals' (coach ")
                  << who.coach() << ").\n";
  }
  if (name != kDefaultProfile) {
    context.out() << absl::Substitute(
                         messages.Pick("Gebruik het met 'wor --profile $0 …' "
                                       "of WOR_PROFILE=$0.",
                                       "Use it with 'wor --profile $0 …' or "
                                       "WOR_PROFILE=$0."),
                         name)
                  << "\n";
  }
  return kExitOk;
}

int RunLogout(CommandContext& context, const ParsedFlags& flags) {
  const std::string name = ProfileName(context, flags);
  const std::string& directory = context.options().profile_directory;
  if (!IsValidProfileName(name) || directory.empty() ||
      !DeleteProfile(directory, name).ok()) {
    return UsageError(
        context, "profiel '$0' bestaat niet; zie 'wor login --list'",
        "profile '$0' does not exist; see 'wor login --list'", "logout", name);
  }
  context.out() << absl::Substitute(
                       context.messages().Pick(
                           "Profiel '$0' verwijderd (het token-bestand zelf "
                           "blijft staan).",
                           "Profile '$0' removed (the token file itself "
                           "stays)."),
                       name)
                << "\n";
  return kExitOk;
}

}  // namespace wor::client
