#include "server/domain/coach_names.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/domain/field_checks.h"

namespace wor::server {
namespace {

constexpr absl::string_view kOrganisationPrefix = "kvk:";

bool IsKvkNumber(absl::string_view kvk) {
  if (kvk.size() != 8) return false;
  for (char c : kvk) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// User ids as identity providers issue them: 1–64 characters of letters,
// digits and . _ @ -.
bool IsCoachId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
                    c == '.' || c == '_' || c == '@' || c == '-';
    if (!ok) return false;
  }
  return true;
}

absl::StatusOr<CoachName> Parse(absl::string_view field,
                                const std::string& name, bool availability) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(name), '/');
  const size_t expected = availability ? 5 : 4;
  if (parts.size() != expected || parts[0] != "welfareOrganisations" ||
      !IsKvkNumber(parts[1]) || parts[2] != "coaches" || !IsCoachId(parts[3]) ||
      (availability && parts[4] != "availability")) {
    return FieldError(
        field, availability
                   ? "expected welfareOrganisations/{kvk_number}/coaches/"
                     "{coach_id}/availability"
                   : "expected welfareOrganisations/{kvk_number}/coaches/"
                     "{coach_id}");
  }
  return CoachName{std::string(parts[1]), std::string(parts[3])};
}

}  // namespace

std::string CoachName::Name() const {
  return absl::StrCat("welfareOrganisations/", kvk_number, "/coaches/",
                      coach_id);
}

std::string CoachName::Organisation() const {
  return absl::StrCat("welfareOrganisations/", kvk_number);
}

std::string CoachName::AvailabilityName() const {
  return absl::StrCat(Name(), "/availability");
}

absl::StatusOr<CoachName> ParseCoachName(absl::string_view field,
                                         const std::string& name) {
  return Parse(field, name, false);
}

absl::StatusOr<CoachName> ParseAvailabilityName(absl::string_view field,
                                                const std::string& name) {
  return Parse(field, name, true);
}

absl::StatusOr<CoachName> CallingCoach(absl::string_view field,
                                       const CallContext& call) {
  absl::string_view organisation = call.caller.organisation;
  if (call.caller.role != wor::v1::USER_ROLE_COACH ||
      !absl::ConsumePrefix(&organisation, kOrganisationPrefix) ||
      !IsKvkNumber(organisation) || !IsCoachId(call.caller.user)) {
    return FieldError(field,
                      "is required: name the coach, "
                      "welfareOrganisations/{kvk_number}/coaches/{coach_id}");
  }
  return CoachName{std::string(organisation), call.caller.user};
}

bool MayManageCoach(const CallContext& call, const CoachName& coach) {
  if (call.caller.organisation !=
      absl::StrCat(kOrganisationPrefix, coach.kvk_number)) {
    return false;
  }
  switch (call.caller.role) {
    case wor::v1::USER_ROLE_COACH:
      return call.caller.user == coach.coach_id;
    case wor::v1::USER_ROLE_COORDINATOR:
      return true;
    default:
      return false;
  }
}

}  // namespace wor::server
