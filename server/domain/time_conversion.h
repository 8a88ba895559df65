// Conversions between abseil time types and their protobuf counterparts.
#ifndef WOR_SERVER_DOMAIN_TIME_CONVERSION_H_
#define WOR_SERVER_DOMAIN_TIME_CONVERSION_H_

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "wor/v1/common.pb.h"

namespace wor::server {

inline google::protobuf::Timestamp ToTimestamp(absl::Time t) {
  google::protobuf::Timestamp ts;
  const int64_t nanos = absl::ToUnixNanos(t);
  ts.set_seconds(nanos >= 0 ? nanos / 1000000000
                            : (nanos - 999999999) / 1000000000);
  ts.set_nanos(static_cast<int32_t>(nanos - ts.seconds() * 1000000000));
  return ts;
}

inline absl::Time FromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

inline wor::v1::LocalDate ToLocalDate(absl::CivilDay day) {
  wor::v1::LocalDate date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

inline absl::CivilDay FromLocalDate(const wor::v1::LocalDate& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

// True when the date names a real calendar day (no 31 April, no month 13).
inline bool IsRealDate(const wor::v1::LocalDate& date) {
  if (date.month() < 1 || date.month() > 12 || date.day() < 1) return false;
  absl::CivilDay day = FromLocalDate(date);
  return day.year() == date.year() && day.month() == date.month() &&
         day.day() == date.day();
}

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_TIME_CONVERSION_H_
