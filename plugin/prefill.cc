#include "plugin/prefill.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace wor::plugin {
namespace {

using nlohmann::json;

std::string Str(const json& object, const char* name) {
  if (!object.is_object()) return "";
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// The official name, else the first.
const json* PreferredName(const json& resource) {
  auto names = resource.find("name");
  if (names == resource.end() || !names->is_array() || names->empty()) {
    return nullptr;
  }
  for (const json& name : *names) {
    if (Str(name, "use") == "official") return &name;
  }
  return &names->front();
}

std::string Given(const json& name) {
  std::vector<std::string> given;
  if (auto it = name.find("given"); it != name.end() && it->is_array()) {
    for (const json& part : *it) {
      if (part.is_string()) given.push_back(part.get<std::string>());
    }
  }
  return absl::StrJoin(given, " ");
}

// A telecom value of `system` ("phone", "email"), preferring mobile/home.
std::string Telecom(const json& resource, const std::string& system) {
  auto telecom = resource.find("telecom");
  if (telecom == resource.end() || !telecom->is_array()) return "";
  std::string first;
  for (const json& contact : *telecom) {
    if (Str(contact, "system") != system) continue;
    const std::string value = Str(contact, "value");
    if (value.empty()) continue;
    if (Str(contact, "use") == "mobile") return value;
    if (first.empty()) first = value;
  }
  return first;
}

void Put(FieldValues& values, const char* field, const std::string& value) {
  if (!value.empty()) values.emplace(field, value);
}

}  // namespace

std::string IdentifierValue(const json& resource, const std::string& system) {
  auto identifiers = resource.find("identifier");
  if (identifiers == resource.end() || !identifiers->is_array()) return "";
  for (const json& identifier : *identifiers) {
    if (Str(identifier, "system") == system) return Str(identifier, "value");
  }
  return "";
}

FieldValues PrefillFromPatient(const json& patient) {
  FieldValues values;
  if (!patient.is_object()) return values;
  if (const json* name = PreferredName(patient)) {
    Put(values, "patient.given_name", Given(*name));
    Put(values, "patient.family_name", Str(*name, "family"));
  }
  Put(values, "patient.birth_date", Str(patient, "birthDate"));
  Put(values, "patient.phone", Telecom(patient, "phone"));
  Put(values, "patient.email", Telecom(patient, "email"));
  auto addresses = patient.find("address");
  if (addresses != patient.end() && addresses->is_array() &&
      !addresses->empty()) {
    const json* chosen = &addresses->front();
    for (const json& address : *addresses) {
      if (Str(address, "use") == "home") {
        chosen = &address;
        break;
      }
    }
    // nl-core keeps street and house number in extensions of line; most
    // EHRs send "Street 12" as one line: split at the last space before a
    // digit.
    std::string line;
    if (auto lines = chosen->find("line");
        lines != chosen->end() && lines->is_array() && !lines->empty() &&
        lines->front().is_string()) {
      line = lines->front().get<std::string>();
    }
    size_t split = line.find_last_of(' ');
    if (split != std::string::npos && split + 1 < line.size() &&
        absl::ascii_isdigit(static_cast<unsigned char>(line[split + 1]))) {
      Put(values, "patient.address.street", line.substr(0, split));
      Put(values, "patient.address.house_number", line.substr(split + 1));
    } else {
      Put(values, "patient.address.street", line);
    }
    Put(values, "patient.address.postal_code", Str(*chosen, "postalCode"));
    Put(values, "patient.address.city", Str(*chosen, "city"));
  }
  return values;
}

FieldValues PrefillFromPractitioner(const json& practitioner) {
  FieldValues values;
  if (!practitioner.is_object()) return values;
  const std::string agb = IdentifierValue(practitioner, kAgbSystem);
  Put(values, "referrer.person_agb", agb);
  Put(values, "consent.obtained_by_agb", agb);
  if (const json* name = PreferredName(practitioner)) {
    std::string display = Str(*name, "text");
    if (display.empty()) {
      std::vector<std::string> parts;
      for (const char* key : {"prefix"}) {
        if (auto it = name->find(key); it != name->end() && it->is_array()) {
          for (const json& p : *it) {
            if (p.is_string()) parts.push_back(p.get<std::string>());
          }
        }
      }
      std::string given = Given(*name);
      if (!given.empty()) parts.push_back(given);
      std::string family = Str(*name, "family");
      if (!family.empty()) parts.push_back(family);
      display = absl::StrJoin(parts, " ");
    }
    Put(values, "referrer.display_name", display);
  }
  return values;
}

}  // namespace wor::plugin
