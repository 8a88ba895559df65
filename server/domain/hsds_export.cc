#include "server/domain/hsds_export.h"

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "server/common/json_log.h"
#include "server/crypto/digest.h"

namespace wor::server {
namespace {

constexpr char kVocabulary[] = "wor-activity-categories";

// JSON with its keys in the order written, so that an export is the same
// bytes every time (a protobuf Struct would order them arbitrarily).
class JsonObject {
 public:
  JsonObject& Text(absl::string_view key, absl::string_view value) {
    return Raw(key, JsonQuote(value));
  }
  JsonObject& Raw(absl::string_view key, absl::string_view json) {
    absl::StrAppend(&body_, body_.empty() ? "" : ",", JsonQuote(key), ":",
                    json);
    return *this;
  }
  std::string Json() const { return absl::StrCat("{", body_, "}"); }

 private:
  std::string body_;
};

std::string JsonArray(const std::vector<std::string>& items) {
  return absl::StrCat("[", absl::StrJoin(items, ","), "]");
}

}  // namespace

std::string StableUuid(const std::string& text) {
  std::string bytes = crypto::Sha256(text).substr(0, 16);
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x80);  // version 8
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  const std::string hex = absl::BytesToHexString(bytes);
  return absl::StrCat(hex.substr(0, 8), "-", hex.substr(8, 4), "-",
                      hex.substr(12, 4), "-", hex.substr(16, 4), "-",
                      hex.substr(20));
}

std::string CatalogueAsHsdsJson(const wor::v1::ActivityCatalogue& catalogue,
                                const std::string& region_name) {
  std::vector<std::string> services;
  for (const wor::v1::ActivityCategory& category : catalogue.categories()) {
    const std::string category_key =
        absl::StrCat("wor:", region_name, "/", category.id());
    for (const wor::v1::Activity& activity : category.activities()) {
      const std::string key = absl::StrCat(category_key, "/", activity.id());
      const std::string service_id = StableUuid(key);
      const std::string provider = activity.provider().empty()
                                       ? "Onbekende aanbieder"
                                       : activity.provider();
      std::vector<std::string> areas;
      if (!activity.neighbourhood().empty()) {
        areas.push_back(JsonObject()
                            .Text("id", StableUuid(absl::StrCat(key, "/area")))
                            .Text("service_id", service_id)
                            .Text("name", activity.neighbourhood())
                            .Json());
      }
      const std::string term = JsonObject()
                                   .Text("id", StableUuid(category_key))
                                   .Text("code", category.id())
                                   .Text("name", category.title().nl())
                                   .Text("vocabulary", kVocabulary)
                                   .Json();
      const std::string attribute =
          JsonObject()
              .Text("id", StableUuid(absl::StrCat(key, "/attribute")))
              .Text("link_id", service_id)
              .Text("link_type", "service")
              .Text("link_entity", "service")
              .Raw("taxonomy_term", term)
              .Json();
      JsonObject service;
      service.Text("id", service_id).Text("name", activity.title().nl());
      if (!activity.title().en().empty()) {
        service.Text("alternate_name", activity.title().en());
      }
      service
          .Text("description", absl::StrCat(category.title().nl(), ": ",
                                            activity.title().nl()))
          .Text("status", "active")
          .Raw("organization", JsonObject()
                                   .Text("id", StableUuid(absl::StrCat(
                                                   "wor:", region_name,
                                                   "/organization/", provider)))
                                   .Text("name", provider)
                                   .Json())
          .Raw("service_areas", JsonArray(areas))
          .Raw("attributes", JsonArray({attribute}));
      services.push_back(service.Json());
    }
  }
  return JsonObject()
             .Text("hsds_version", "3.0")
             .Text("region", region_name)
             .Raw("services", JsonArray(services))
             .Json() +
         "\n";
}

}  // namespace wor::server
