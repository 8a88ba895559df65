// The activity catalogue as Open Referral HSDS 3.0: every activity a
// service with its organisation, area and category, under stable UUIDs.
#include "server/domain/hsds_export.h"

#include <regex>
#include <set>
#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

wor::v1::ActivityCatalogue TwoActivities() {
  wor::v1::ActivityCatalogue catalogue;
  auto* category = catalogue.add_categories();
  category->set_id("discover_and_do");
  category->mutable_title()->set_nl("Ontdekken en doen");
  auto* repair = category->add_activities();
  repair->set_id("repair_cafe");
  repair->mutable_title()->set_nl("Repair Café");
  repair->mutable_title()->set_en("Repair café");
  repair->set_provider("Stichting \"Samen\" Meppel");
  repair->set_neighbourhood("Haveltermade");
  auto* walk = category->add_activities();
  walk->set_id("walking_group");
  walk->mutable_title()->set_nl("Wandelgroep");
  catalogue.add_categories()->set_id("empty_category");
  return catalogue;
}

google::protobuf::Struct Parse(const std::string& json) {
  google::protobuf::Struct parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok())
      << json;
  return parsed;
}

TEST(HsdsExport, EveryActivityIsAServiceWithItsOrganisationAreaAndCategory) {
  const std::string json =
      CatalogueAsHsdsJson(TwoActivities(), "regions/meppel");
  const auto document = Parse(json);
  EXPECT_EQ(document.fields().at("hsds_version").string_value(), "3.0");
  const auto& services = document.fields().at("services").list_value();
  ASSERT_EQ(services.values_size(), 2);
  const auto& repair = services.values(0).struct_value().fields();
  EXPECT_EQ(repair.at("name").string_value(), "Repair Café");
  EXPECT_EQ(repair.at("alternate_name").string_value(), "Repair café");
  EXPECT_EQ(repair.at("status").string_value(), "active");
  EXPECT_EQ(repair.at("organization")
                .struct_value()
                .fields()
                .at("name")
                .string_value(),
            "Stichting \"Samen\" Meppel");
  const auto& areas = repair.at("service_areas").list_value();
  ASSERT_EQ(areas.values_size(), 1);
  EXPECT_EQ(areas.values(0).struct_value().fields().at("name").string_value(),
            "Haveltermade");
  const auto& term = repair.at("attributes")
                         .list_value()
                         .values(0)
                         .struct_value()
                         .fields()
                         .at("taxonomy_term")
                         .struct_value()
                         .fields();
  EXPECT_EQ(term.at("code").string_value(), "discover_and_do");
  EXPECT_EQ(term.at("name").string_value(), "Ontdekken en doen");
  const auto& walk = services.values(1).struct_value().fields();
  EXPECT_EQ(
      walk.at("organization").struct_value().fields().at("name").string_value(),
      "Onbekende aanbieder");
  EXPECT_EQ(walk.at("service_areas").list_value().values_size(), 0);
}

TEST(HsdsExport, IdsAreStableDistinctUuids) {
  const std::string first =
      CatalogueAsHsdsJson(TwoActivities(), "regions/meppel");
  EXPECT_EQ(first, CatalogueAsHsdsJson(TwoActivities(), "regions/meppel"));
  const std::regex uuid(
      "[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> ids;
  const google::protobuf::Struct parsed = Parse(first);
  for (const auto& service :
       parsed.fields().at("services").list_value().values()) {
    const std::string id =
        service.struct_value().fields().at("id").string_value();
    EXPECT_TRUE(std::regex_match(id, uuid)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 2u);
  // Another region's same activity is another service.
  EXPECT_NE(StableUuid("wor:regions/meppel/discover_and_do/repair_cafe"),
            StableUuid("wor:regions/oss/discover_and_do/repair_cafe"));
}

}  // namespace
}  // namespace wor::server
