// gMock matchers for absl::Status and absl::StatusOr (abseil 20220623 ships
// none), after Envoy's test/test_common/status_utility.h:
//
//   EXPECT_THAT(store->Write(fn), IsOk());
//   EXPECT_THAT(tx.GetReferral("x"), StatusIs(absl::StatusCode::kNotFound));
//   EXPECT_THAT(store->GetReferral(id),
//   IsOkAndHolds(Field(&StoredReferral::revision, 2)));
#ifndef WOR_TESTS_COMMON_STATUS_MATCHERS_H_
#define WOR_TESTS_COMMON_STATUS_MATCHERS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"

namespace wor::server {

inline const absl::Status& StatusOf(const absl::Status& status) {
  return status;
}
template <typename T>
absl::Status StatusOf(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

MATCHER(IsOk, "is OK") {
  *result_listener << "status is " << StatusOf(arg);
  return StatusOf(arg).ok();
}

MATCHER_P(StatusIs, code, absl::StrCat("has status code ", code)) {
  *result_listener << "status is " << StatusOf(arg);
  return StatusOf(arg).code() == code;
}

MATCHER_P(IsOkAndHolds, matcher, "is OK and holds a matching value") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(matcher, *arg, result_listener);
}

}  // namespace wor::server

#endif  // WOR_TESTS_COMMON_STATUS_MATCHERS_H_
