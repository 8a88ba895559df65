#include "server/domain/age_bands.h"

namespace wor::server {

int AgeInYears(absl::CivilDay birth, absl::CivilDay on) {
  int age = static_cast<int>(on.year() - birth.year());
  // Not yet had this year's birthday (29 February: on 1 March).
  if (on.month() < birth.month() ||
      (on.month() == birth.month() && on.day() < birth.day())) {
    --age;
  }
  return age;
}

AgeBand AgeBandOf(absl::CivilDay birth, absl::CivilDay on) {
  const int age = AgeInYears(birth, on);
  if (age < 18) return AgeBand::kUnder18;
  if (age < 25) return AgeBand::k18To24;
  if (age < 45) return AgeBand::k25To44;
  if (age < 65) return AgeBand::k45To64;
  if (age < 75) return AgeBand::k65To74;
  return AgeBand::k75AndOver;
}

absl::string_view AgeBandLabel(AgeBand band) {
  switch (band) {
    case AgeBand::kUnder18:
      return "0-17";
    case AgeBand::k18To24:
      return "18-24";
    case AgeBand::k25To44:
      return "25-44";
    case AgeBand::k45To64:
      return "45-64";
    case AgeBand::k65To74:
      return "65-74";
    case AgeBand::k75AndOver:
      return "75+";
  }
  return "?";
}

}  // namespace wor::server
