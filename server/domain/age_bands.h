// Age bands: what partners see instead of a birth date, in statistics and in
// pseudonymised exports. Bands are wide enough that a band with a practice
// and a month rarely singles out one person, and follow the ages the
// programme reports on (young adults, working age, the elderly, for whom
// loneliness is most common).
//
//   AgeBandOf(absl::CivilDay(1958, 3, 14), absl::CivilDay(2026, 4, 23))
//       == AgeBand::k65To74
#ifndef WOR_SERVER_DOMAIN_AGE_BANDS_H_
#define WOR_SERVER_DOMAIN_AGE_BANDS_H_

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace wor::server {

enum class AgeBand {
  kUnder18,
  k18To24,
  k25To44,
  k45To64,
  k65To74,
  k75AndOver,
};

// The age in whole years on `on` of someone born on `birth` (a birthday on
// 29 February counts on 1 March in other years); negative when `on` is
// before `birth`.
int AgeInYears(absl::CivilDay birth, absl::CivilDay on);

// The band of that age; kUnder18 for an impossible negative age.
AgeBand AgeBandOf(absl::CivilDay birth, absl::CivilDay on);

// "0-17", "18-24", "25-44", "45-64", "65-74", "75+".
absl::string_view AgeBandLabel(AgeBand band);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_AGE_BANDS_H_
