#include "server/domain/national_catalogue.h"

#include <array>

#include "wor/v1/catalogue.pb.h"
#include "wor/v1/common.pb.h"

namespace wor::server {
namespace {

struct Category {
  const char* id;
  const char* nl;
  const char* en;
};

// The categories of the national programme (seed 001, "Categorieën").
constexpr std::array<Category, 8> kNationalCategories = {{
    {"sport_and_movement", "Bewegen en sporten", "Sport and movement"},
    {"nature", "Natuur", "Nature"},
    {"cooking_and_eating", "Koken en eten", "Cooking and eating"},
    {"creative_and_cultural", "Creatieve en culturele activiteiten",
     "Creative and cultural activities"},
    {"relaxation_and_meaning", "Ontspannen en zingeving",
     "Relaxation and meaning"},
    {"volunteering", "Vrijwilligerswerk", "Volunteering"},
    {"contact_and_meeting", "Contact en ontmoeten", "Contact and meeting"},
    {"other", "Andere mogelijkheden", "Other options"},
}};

wor::v1::ActivityCatalogue BuildNationalCatalogue() {
  wor::v1::ActivityCatalogue catalogue;
  for (const Category& c : kNationalCategories) {
    wor::v1::ActivityCategory* category = catalogue.add_categories();
    category->set_id(c.id);
    category->mutable_title()->set_nl(c.nl);
    category->mutable_title()->set_en(c.en);
  }
  return catalogue;
}

}  // namespace

const wor::v1::ActivityCatalogue& NationalActivityCatalogue() {
  static const auto* const kCatalogue =
      new wor::v1::ActivityCatalogue(BuildNationalCatalogue());
  return *kCatalogue;
}

}  // namespace wor::server
