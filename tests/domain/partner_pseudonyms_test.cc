// Partner pseudonyms: stable per partner, different between partners and
// patients, and keyed by the server's secret.
#include "server/domain/partner_pseudonyms.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

const std::string kSecret(32, 's');
constexpr char kMunicipality[] = "partners/gemeente-meierijstad";
constexpr char kInsurer[] = "partners/zorgverzekeraar-vgz";

TEST(PartnerPseudonymsTest, IsStableForOnePartner) {
  PartnerPseudonyms pseudonyms(kSecret);
  EXPECT_EQ(pseudonyms.For(kMunicipality, "patient-a"),
            PartnerPseudonyms(kSecret).For(kMunicipality, "patient-a"));
}

TEST(PartnerPseudonymsTest, IsTwentySixCharactersOfLowercaseBase32) {
  EXPECT_THAT(PartnerPseudonyms(kSecret).For(kMunicipality, "patient-a"),
              ::testing::MatchesRegex("[a-z2-7]{26}"));
}

TEST(PartnerPseudonymsTest, DiffersBetweenPartnersForEveryPatient) {
  PartnerPseudonyms pseudonyms(kSecret);
  std::set<std::string> seen;
  for (int patient = 0; patient < 1000; ++patient) {
    const std::string id = absl::StrCat("patient-", patient);
    const std::string a = pseudonyms.For(kMunicipality, id);
    const std::string b = pseudonyms.For(kInsurer, id);
    EXPECT_NE(a, b) << id;
    EXPECT_TRUE(seen.insert(a).second) << "collision at " << id;
    EXPECT_TRUE(seen.insert(b).second) << "collision at " << id;
  }
}

TEST(PartnerPseudonymsTest, DependsOnTheSecret) {
  EXPECT_NE(
      PartnerPseudonyms(kSecret).For(kMunicipality, "patient-a"),
      PartnerPseudonyms(std::string(32, 't')).For(kMunicipality, "patient-a"));
}

TEST(PartnerPseudonymsTest, PartnerAndPatientCannotBeShiftedIntoEachOther) {
  // "partners/a" + "bc" must not equal "partners/ab" + "c".
  PartnerPseudonyms pseudonyms(kSecret);
  EXPECT_NE(pseudonyms.For("partners/a", "bc"),
            pseudonyms.For("partners/ab", "c"));
}

}  // namespace
}  // namespace wor::server
