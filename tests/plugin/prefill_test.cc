// Prefill: the form's values from the EHR's FHIR Patient and Practitioner.
#include "plugin/prefill.h"

#include "gtest/gtest.h"

namespace wor::plugin {
namespace {

TEST(Prefill, TakesPatientAndPractitionerFromFhir) {
  nlohmann::json patient = nlohmann::json::parse(R"({
    "resourceType":"Patient","id":"pat-1",
    "name":[{"use":"official","family":"de Boer","given":["Sanne","Maria"]}],
    "birthDate":"1980-04-12",
    "telecom":[{"system":"phone","value":"0612345678","use":"mobile"},
               {"system":"email","value":"sanne@example.org"}],
    "address":[{"use":"home","line":["Hoofdstraat 12"],"postalCode":"7941 AB","city":"Meppel"}]})");
  FieldValues values = PrefillFromPatient(patient);
  auto get = [&](const char* f) { return values.find(f)->second; };
  EXPECT_EQ(get("patient.given_name"), "Sanne Maria");
  EXPECT_EQ(get("patient.family_name"), "de Boer");
  EXPECT_EQ(get("patient.birth_date"), "1980-04-12");
  EXPECT_EQ(get("patient.phone"), "0612345678");
  EXPECT_EQ(get("patient.email"), "sanne@example.org");
  EXPECT_EQ(get("patient.address.street"), "Hoofdstraat");
  EXPECT_EQ(get("patient.address.house_number"), "12");
  nlohmann::json practitioner = nlohmann::json::parse(R"({
    "resourceType":"Practitioner",
    "identifier":[{"system":"http://fhir.nl/fhir/NamingSystem/agb-z","value":"01234567"}],
    "name":[{"family":"Jansen","given":["Anna"],"prefix":["dr."]}]})");
  FieldValues gp = PrefillFromPractitioner(practitioner);
  EXPECT_EQ(gp.find("referrer.person_agb")->second, "01234567");
  EXPECT_EQ(gp.find("consent.obtained_by_agb")->second, "01234567");
  EXPECT_EQ(gp.find("referrer.display_name")->second, "dr. Anna Jansen");
}

TEST(Prefill, CopiesNothingThatIsNotThere) {
  FieldValues values = PrefillFromPatient(nlohmann::json::parse(
      R"({"resourceType":"Patient","address":[{"line":["Markt"]}]})"));
  EXPECT_EQ(values.count("patient.given_name"), 0u);
  EXPECT_EQ(values.find("patient.address.street")->second, "Markt");
  EXPECT_EQ(values.count("patient.address.house_number"), 0u);
  EXPECT_TRUE(PrefillFromPractitioner(nlohmann::json()).empty());
}

}  // namespace
}  // namespace wor::plugin
