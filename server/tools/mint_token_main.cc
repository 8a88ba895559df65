// wor-mint-token: mints an ES256 user token for development and tests, as an
// organisation's identity provider would. It prints the compact token on
// stdout and nothing else, so it can be used as
//
//   TOKEN=$(wor-mint-token --key=pki/tokens/agb-01012345.key.pem
//            --issuer=agb:01012345 --subject=huisarts-1 --role=GP)
//
// Exit codes: 0 success, 1 failure (key unreadable or not P-256), 2 usage.
// Flags are parsed by hand: Debian's absl::flags exits with 1 on a usage
// error and prints its own help, and this tool promises 2 and a bilingual
// help text.
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "server/crypto/digest.h"
#include "server/crypto/es256_jwt.h"

namespace wor::server::tools {
namespace {

constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

constexpr char kHelp[] =
    R"(Usage: wor-mint-token --key=FILE --issuer=ORG --subject=USER --role=ROLE [options]

Mints a signed user token (JWT, ES256) for development and tests, the way an
organisation's identity provider would, and prints it on standard output.
Never use it with a production key: real tokens come from the organisation's
own identity provider after the user has signed in.

Maakt een ondertekend gebruikerstoken (JWT, ES256) voor ontwikkeling en tests,
zoals de identity provider van een organisatie dat zou doen, en schrijft het
naar standaarduitvoer. Gebruik het nooit met een productiesleutel: echte tokens
komen van de eigen identity provider van de organisatie, na het inloggen.

  --key=FILE               PEM private key (P-256), e.g. pki/tokens/agb-01012345.key.pem
  --key-id=ID              header "kid" (default dev-1)
  --issuer=ORG             organisation id, claim "iss": agb:…, kvk:…, partner:…, operator:…
  --subject=USER           user id, claim "sub"
  --role=ROLE              GP | POH | COACH | COORDINATOR | PARTNER_ANALYST |
                           PRIVACY_OFFICER | ADMIN, claim "role"
  --audience=AUD           claim "aud" (default wor)
  --acting-for=USER        responsible user, claim "act" (only when given)
  --valid-for=DURATION     exp = now + DURATION, e.g. 8h, 90m (default 8h)
  --not-before-offset=DUR  nbf = now + DUR, e.g. -5m (default 0)
  --now=SECONDS            the current time as Unix seconds (tests)
  --help                   this text

Flags may also be written as "--flag value". Exit codes: 0 success,
1 failure, 2 usage error.
)";

// The roles of wor.v1.UserRole, without the USER_ROLE_ prefix.
const std::vector<std::string>& KnownRoles() {
  static const auto* roles = new std::vector<std::string>{"GP",
                                                          "POH",
                                                          "COACH",
                                                          "COORDINATOR",
                                                          "PARTNER_ANALYST",
                                                          "PRIVACY_OFFICER",
                                                          "ADMIN"};
  return *roles;
}

struct Options {
  std::string key_file;
  std::string key_id = "dev-1";
  std::string issuer;
  std::string subject;
  std::string role;
  std::string audience = "wor";
  std::optional<std::string> acting_for;
  absl::Duration valid_for = absl::Hours(8);
  absl::Duration not_before_offset = absl::ZeroDuration();
  std::optional<int64_t> now_unix_seconds;
  bool help = false;
};

absl::Status Usage(absl::string_view message) {
  return absl::InvalidArgumentError(message);
}

absl::StatusOr<absl::Duration> ParseFiniteDuration(const std::string& flag,
                                                   const std::string& text) {
  absl::Duration duration;
  if (!absl::ParseDuration(text, &duration) ||
      duration == absl::InfiniteDuration() ||
      duration == -absl::InfiniteDuration()) {
    return Usage(
        absl::StrCat("--", flag, " needs a duration such as 8h, 90m or -5m"));
  }
  return duration;
}

// Applies one flag's value; INVALID_ARGUMENT for an unknown flag or a bad
// value.
absl::Status ApplyFlag(const std::string& name, const std::string& value,
                       Options& options) {
  static const auto* kStringFlags =
      new std::map<std::string, std::string Options::*>{
          {"key", &Options::key_file},  {"key-id", &Options::key_id},
          {"issuer", &Options::issuer}, {"subject", &Options::subject},
          {"role", &Options::role},     {"audience", &Options::audience}};
  if (auto it = kStringFlags->find(name); it != kStringFlags->end()) {
    options.*(it->second) = value;
    return absl::OkStatus();
  }
  if (name == "acting-for") {
    options.acting_for = value;
  } else if (name == "valid-for") {
    absl::StatusOr<absl::Duration> d = ParseFiniteDuration(name, value);
    if (!d.ok()) return d.status();
    options.valid_for = *d;
  } else if (name == "not-before-offset") {
    absl::StatusOr<absl::Duration> d = ParseFiniteDuration(name, value);
    if (!d.ok()) return d.status();
    options.not_before_offset = *d;
  } else if (name == "now") {
    int64_t seconds = 0;
    if (!absl::SimpleAtoi(value, &seconds) || seconds < 0) {
      return Usage("--now needs Unix seconds, e.g. 1767225600");
    }
    options.now_unix_seconds = seconds;
  } else {
    return Usage(absl::StrCat("unknown flag --", name));
  }
  return absl::OkStatus();
}

absl::Status CheckOptions(const Options& options) {
  for (const auto& [flag, value] :
       std::vector<std::pair<const char*, const std::string*>>{
           {"key", &options.key_file},
           {"issuer", &options.issuer},
           {"subject", &options.subject},
           {"role", &options.role},
           {"key-id", &options.key_id},
           {"audience", &options.audience}}) {
    if (value->empty()) return Usage(absl::StrCat("--", flag, " is required"));
  }
  bool known_kind = false;
  for (absl::string_view prefix : {"agb:", "kvk:", "partner:", "operator:"}) {
    known_kind |= absl::StartsWith(options.issuer, prefix) &&
                  options.issuer.size() > prefix.size();
  }
  if (!known_kind) {
    return Usage(
        "--issuer must be an organisation id such as agb:01012345, "
        "kvk:41234567, partner:gemeente-meppel or operator:wor-meppel");
  }
  if (std::find(KnownRoles().begin(), KnownRoles().end(), options.role) ==
      KnownRoles().end()) {
    return Usage(absl::StrCat("--role must be one of ",
                              absl::StrJoin(KnownRoles(), ", ")));
  }
  if (options.acting_for.has_value() && options.acting_for->empty()) {
    return Usage("--acting-for needs a user id");
  }
  if (options.valid_for <= absl::ZeroDuration()) {
    return Usage("--valid-for must be positive");
  }
  return absl::OkStatus();
}

absl::StatusOr<Options> ParseArguments(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      options.help = true;
      return options;
    }
    if (!absl::StartsWith(arg, "--") || arg.size() == 2) {
      return Usage(absl::StrCat("unexpected argument \"", arg,
                                "\"; flags look like --name=value"));
    }
    std::string name = arg.substr(2);
    std::string value;
    if (size_t equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return Usage(absl::StrCat("--", name, " needs a value"));
    }
    if (absl::Status s = ApplyFlag(name, value, options); !s.ok()) return s;
  }
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  return options;
}

// A JSON string literal.
std::string Quote(absl::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string ClaimsJson(const Options& options, absl::Time now,
                       absl::string_view jti) {
  auto unix_seconds = [](absl::Time t) { return absl::ToUnixSeconds(t); };
  std::string json = absl::StrCat(
      "{\"iss\":", Quote(options.issuer), ",\"sub\":", Quote(options.subject),
      ",\"aud\":", Quote(options.audience), ",\"role\":", Quote(options.role));
  if (options.acting_for.has_value()) {
    absl::StrAppend(&json, ",\"act\":", Quote(*options.acting_for));
  }
  absl::StrAppend(&json, ",\"iat\":", unix_seconds(now),
                  ",\"nbf\":", unix_seconds(now + options.not_before_offset),
                  ",\"exp\":", unix_seconds(now + options.valid_for),
                  ",\"jti\":", Quote(jti), "}");
  return json;
}

absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read the key file ", path,
                     "; make one with deploy/pki/make-dev-pki.sh"));
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

int Run(int argc, char** argv) {
  absl::StatusOr<Options> options = ParseArguments(argc, argv);
  if (!options.ok()) {
    std::cerr << "wor-mint-token: " << options.status().message()
              << "\nRun 'wor-mint-token --help' for usage.\n";
    return kExitUsage;
  }
  if (options->help) {
    std::cout << kHelp;
    return 0;
  }
  absl::StatusOr<std::string> pem = ReadKeyFile(options->key_file);
  if (!pem.ok()) {
    std::cerr << "wor-mint-token: " << pem.status().message() << "\n";
    return kExitFailure;
  }
  absl::StatusOr<crypto::Es256PrivateKey> key =
      crypto::Es256PrivateKey::FromPem(*pem);
  if (!key.ok()) {
    std::cerr << "wor-mint-token: " << options->key_file << ": "
              << key.status().message() << "\n";
    return kExitFailure;
  }
  const absl::Time now = options->now_unix_seconds.has_value()
                             ? absl::FromUnixSeconds(*options->now_unix_seconds)
                             : absl::Now();
  const std::string jti = absl::BytesToHexString(crypto::RandomBytes(16));
  std::cout << crypto::SignEs256Jwt(*key, options->key_id,
                                    ClaimsJson(*options, now, jti))
            << "\n";
  return std::cout.good() ? 0 : kExitFailure;
}

}  // namespace
}  // namespace wor::server::tools

int main(int argc, char** argv) { return wor::server::tools::Run(argc, argv); }
