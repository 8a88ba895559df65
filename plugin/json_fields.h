// Reading fields of the JSON the EHR's servers send (discovery, token
// responses) without throwing on a missing or mistyped field.
#ifndef WOR_PLUGIN_JSON_FIELDS_H_
#define WOR_PLUGIN_JSON_FIELDS_H_

#include <string>

#include "nlohmann/json.hpp"

namespace wor::plugin {

// The string field `name` of `object`; "" when absent or not a string.
inline std::string StringField(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_JSON_FIELDS_H_
