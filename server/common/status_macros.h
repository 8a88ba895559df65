// Early-return helpers for absl::Status / absl::StatusOr, which abseil
// 20220623 does not ship.
//
//   WOR_RETURN_IF_ERROR(store.Write(...));
//   WOR_ASSIGN_OR_RETURN(Referral r, tx.GetReferral(id));
#ifndef WOR_SERVER_COMMON_STATUS_MACROS_H_
#define WOR_SERVER_COMMON_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define WOR_RETURN_IF_ERROR(expr)                               \
  do {                                                          \
    if (absl::Status _wor_status = (expr); !_wor_status.ok()) { \
      return _wor_status;                                       \
    }                                                           \
  } while (false)

#define WOR_STATUS_CONCAT_INNER(a, b) a##b
#define WOR_STATUS_CONCAT(a, b) WOR_STATUS_CONCAT_INNER(a, b)

#define WOR_ASSIGN_OR_RETURN(lhs, expr)                                       \
  WOR_ASSIGN_OR_RETURN_IMPL(WOR_STATUS_CONCAT(_wor_statusor_, __LINE__), lhs, \
                            expr)

#define WOR_ASSIGN_OR_RETURN_IMPL(statusor, lhs, expr) \
  auto statusor = (expr);                              \
  if (!statusor.ok()) {                                \
    return std::move(statusor).status();               \
  }                                                    \
  lhs = *std::move(statusor)

#endif  // WOR_SERVER_COMMON_STATUS_MACROS_H_
