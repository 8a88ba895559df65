// Resource names of coaches and their availability, and who may manage a
// coach's availability.
//
//   welfareOrganisations/{kvk_number}/coaches/{coach_id}
//   welfareOrganisations/{kvk_number}/coaches/{coach_id}/availability
//
// A coach id is the user id (token `sub`) the coach signs in with.
#ifndef WOR_SERVER_DOMAIN_COACH_NAMES_H_
#define WOR_SERVER_DOMAIN_COACH_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/domain/call_context.h"

namespace wor::server {

struct CoachName {
  std::string kvk_number;  // 8 digits
  std::string coach_id;

  // `welfareOrganisations/{kvk}/coaches/{coach_id}`.
  std::string Name() const;
  // `welfareOrganisations/{kvk}` (as Referral.welfare_organisation).
  std::string Organisation() const;
  // The `.../availability` name.
  std::string AvailabilityName() const;
};

// INVALID_ARGUMENT naming `field` unless `name` is a coach name.
absl::StatusOr<CoachName> ParseCoachName(absl::string_view field,
                                         const std::string& name);
// INVALID_ARGUMENT naming `field` unless `name` is an availability name.
absl::StatusOr<CoachName> ParseAvailabilityName(absl::string_view field,
                                                const std::string& name);

// The calling coach as a coach name; INVALID_ARGUMENT naming `field` (the
// request field that should have named the coach) when the caller is no
// coach of a welfare organisation.
absl::StatusOr<CoachName> CallingCoach(absl::string_view field,
                                       const CallContext& call);

// Whether the caller may read and change `coach`'s availability: the coach
// themselves, or a coordinator of the same welfare organisation.
bool MayManageCoach(const CallContext& call, const CoachName& coach);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_COACH_NAMES_H_
