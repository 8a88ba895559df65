// Prefill: the referral form's values that the EHR already knows, taken
// from the FHIR Patient and Practitioner of the launch. Only copies what is
// there; whether it is valid is for the server to say when the form is sent.
//
//   FieldValues values = PrefillFromPatient(patient_json);
//   values.merge(PrefillFromPractitioner(practitioner_json));
#ifndef WOR_PLUGIN_PREFILL_H_
#define WOR_PLUGIN_PREFILL_H_

#include <string>

#include "nlohmann/json.hpp"
#include "plugin/session_store.h"

namespace wor::plugin {

// The AGB-Z naming system of Dutch care providers (nl-core).
inline constexpr char kAgbSystem[] = "http://fhir.nl/fhir/NamingSystem/agb-z";

// patient.given_name, .family_name (with prefixes), .birth_date,
// .phone, .email, .address.street, .house_number, .postal_code, .city.
FieldValues PrefillFromPatient(const nlohmann::json& patient);

// referrer.person_agb, referrer.display_name and consent.obtained_by_agb.
FieldValues PrefillFromPractitioner(const nlohmann::json& practitioner);

// The first identifier value of `system`, or "".
std::string IdentifierValue(const nlohmann::json& resource,
                            const std::string& system);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_PREFILL_H_
