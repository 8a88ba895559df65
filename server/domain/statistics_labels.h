// Keys and Dutch display names of the values partner statistics break down
// by (wor.v1.StatisticsDimension): short names for table headings, e.g.
// "Eenzaamheid" for INDICATOR_LONELINESS, "maart 2024" for 2024-03.
//
// Thread-safety: pure functions.
#ifndef WOR_SERVER_DOMAIN_STATISTICS_LABELS_H_
#define WOR_SERVER_DOMAIN_STATISTICS_LABELS_H_

#include <string>

#include "absl/time/civil_time.h"
#include "wor/v1/partner_service.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

wor::v1::StatisticsLabel IndicatorLabel(wor::v1::Indicator indicator);
wor::v1::StatisticsLabel RouteLabel(wor::v1::ReferralRoute route);
// "OPEN" / "nog open" for a referral without an outcome.
wor::v1::StatisticsLabel OutcomeLabel(wor::v1::ReferralOutcome outcome);
// "2024-03" / "maart 2024".
wor::v1::StatisticsLabel MonthLabel(absl::CivilMonth month);
// "65-74" / "65-74 jaar"; "" / "onbekend".
wor::v1::StatisticsLabel AgeBandStatisticsLabel(const std::string& band);
// The Dutch name of a Positive Health dimension, e.g. "Zingeving".
std::string DimensionName(wor::v1::PositiveHealthDimension dimension);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_STATISTICS_LABELS_H_
