#include "server/domain/statistics_labels.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace wor::server {
namespace {

wor::v1::StatisticsLabel Label(std::string key, std::string display_name) {
  wor::v1::StatisticsLabel label;
  label.set_key(std::move(key));
  label.set_display_name(std::move(display_name));
  return label;
}

const char* IndicatorName(wor::v1::Indicator indicator) {
  switch (indicator) {
    case wor::v1::INDICATOR_PSYCHOLOGICAL_COMPLAINTS:
      return "Psychische klachten";
    case wor::v1::INDICATOR_LONELINESS:
      return "Eenzaamheid";
    case wor::v1::INDICATOR_STUCK_IN_LIFE:
      return "Vastgelopen in het leven";
    case wor::v1::INDICATOR_CHRONIC_PHYSICAL_ILLNESS:
      return "Chronische lichamelijke ziekte";
    case wor::v1::INDICATOR_STABLE_CHRONIC_PSYCHOLOGICAL_COMPLAINTS:
      return "Stabiele chronische psychische klachten";
    case wor::v1::INDICATOR_ILLNESS_OF_RELATIVE:
      return "Ziekte van naaste (mantelzorg)";
    case wor::v1::INDICATOR_UNEXPLAINED_PHYSICAL_COMPLAINTS:
      return "Onverklaarde lichamelijke klachten";
    case wor::v1::INDICATOR_SLEEP_PROBLEMS:
      return "Slaapproblemen";
    case wor::v1::INDICATOR_UNHEALTHY_LIFESTYLE:
      return "Ongezonde leefstijl";
    default:
      return "Onbekend";
  }
}

const char* RouteName(wor::v1::ReferralRoute route) {
  switch (route) {
    case wor::v1::REFERRAL_ROUTE_EHR_PLUGIN:
      return "HIS-plugin";
    case wor::v1::REFERRAL_ROUTE_ZORGDOMEIN:
      return "ZorgDomein";
    case wor::v1::REFERRAL_ROUTE_OTHER:
      return "Anders";
    default:
      return "Onbekend";
  }
}

const char* OutcomeName(wor::v1::ReferralOutcome outcome) {
  switch (outcome) {
    case wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED:
      return "Activiteit gestart";
    case wor::v1::REFERRAL_OUTCOME_REFERRED_TO_POH_GGZ:
      return "Naar POH-GGZ";
    case wor::v1::REFERRAL_OUTCOME_REFERRED_TO_SOCIAL_TEAM:
      return "Naar sociaal team";
    case wor::v1::REFERRAL_OUTCOME_REFERRED_TO_OTHER_PROFESSIONAL_HELP:
      return "Naar andere hulp";
    case wor::v1::REFERRAL_OUTCOME_DECLINED_BY_PATIENT:
      return "Afgezien door patiënt";
    case wor::v1::REFERRAL_OUTCOME_NO_CONTACT_POSSIBLE:
      return "Geen contact mogelijk";
    case wor::v1::REFERRAL_OUTCOME_QUESTION_RESOLVED:
      return "Vraag opgelost";
    default:
      return "Nog open";
  }
}

constexpr const char* kMonthNames[] = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};

}  // namespace

wor::v1::StatisticsLabel IndicatorLabel(wor::v1::Indicator indicator) {
  return Label(wor::v1::Indicator_Name(indicator), IndicatorName(indicator));
}

wor::v1::StatisticsLabel RouteLabel(wor::v1::ReferralRoute route) {
  return Label(wor::v1::ReferralRoute_Name(route), RouteName(route));
}

wor::v1::StatisticsLabel OutcomeLabel(wor::v1::ReferralOutcome outcome) {
  if (outcome == wor::v1::REFERRAL_OUTCOME_UNSPECIFIED) {
    return Label("OPEN", OutcomeName(outcome));
  }
  return Label(wor::v1::ReferralOutcome_Name(outcome), OutcomeName(outcome));
}

wor::v1::StatisticsLabel MonthLabel(absl::CivilMonth month) {
  return Label(absl::StrFormat("%04d-%02d", month.year(), month.month()),
               absl::StrCat(kMonthNames[month.month() - 1], " ", month.year()));
}

wor::v1::StatisticsLabel AgeBandStatisticsLabel(const std::string& band) {
  if (band.empty()) return Label("", "onbekend");
  return Label(band, absl::StrCat(band, " jaar"));
}

std::string DimensionName(wor::v1::PositiveHealthDimension dimension) {
  switch (dimension) {
    case wor::v1::POSITIVE_HEALTH_DIMENSION_BODILY_FUNCTIONS:
      return "Lichaamsfuncties";
    case wor::v1::POSITIVE_HEALTH_DIMENSION_MENTAL_WELLBEING:
      return "Mentaal welbevinden";
    case wor::v1::POSITIVE_HEALTH_DIMENSION_MEANING:
      return "Zingeving";
    case wor::v1::POSITIVE_HEALTH_DIMENSION_QUALITY_OF_LIFE:
      return "Kwaliteit van leven";
    case wor::v1::POSITIVE_HEALTH_DIMENSION_PARTICIPATION:
      return "Meedoen";
    case wor::v1::POSITIVE_HEALTH_DIMENSION_DAILY_FUNCTIONING:
      return "Dagelijks functioneren";
    default:
      return "Onbekend";
  }
}

}  // namespace wor::server
