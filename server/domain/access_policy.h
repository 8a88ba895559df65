// The authorisation policy: one declarative table of method × role ×
// relationship. Nothing else in the server decides who may do what.
//
// A call is allowed when the table has a row for its method and the caller's
// role; the row's relationship then says which referrals the call may touch:
//
//   kNoPatientData         reference data (form, catalogue, diagnostics)
//   kReferringPractice     referrals of the caller's own practice
//   kAssignedOrganisation  referrals assigned to the caller's welfare
//                          organisation
//   kPartnerRegion         aggregates of the partner's region, never one
//                          referral (partner reporting)
//   kWholeRegion           every referral of this server's region, for the
//                          privacy officer's audit and erasure duties
//
// A referral outside the relationship is answered exactly like a missing
// one (NOT_FOUND), so ids of other organisations reveal nothing.
#ifndef WOR_SERVER_DOMAIN_ACCESS_POLICY_H_
#define WOR_SERVER_DOMAIN_ACCESS_POLICY_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "server/domain/call_context.h"
#include "server/store/store.h"
#include "wor/v1/identity.pb.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

enum class Relationship {
  kNoPatientData,
  kReferringPractice,
  kAssignedOrganisation,
  kPartnerRegion,
  kWholeRegion,
};

struct AccessRule {
  absl::string_view method;  // "wor.v1.ReferralService.GetReferral"
  wor::v1::UserRole role;
  Relationship relationship;
};

// Every row of the policy.
absl::Span<const AccessRule> AccessPolicyTable();

// The relationship the table grants `role` on `method`, or nullopt.
std::optional<Relationship> FindAccessRule(absl::string_view method,
                                           wor::v1::UserRole role);

// OK, or PERMISSION_DENIED naming the role and method (no data).
absl::Status AuthorizeMethod(const CallContext& call);

// Whether the call may touch this referral (method already authorised).
bool CoversReferral(const CallContext& call, const wor::v1::Referral& referral);

// Narrows a list or stream filter to what the call may see. PERMISSION_DENIED
// when the caller asks explicitly for another organisation's referrals.
absl::Status RestrictReferralFilter(const CallContext& call,
                                    ReferralFilter& filter);

// The organisation kind each role belongs to.
wor::v1::OrganisationKind OrganisationKindForRole(wor::v1::UserRole role);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_ACCESS_POLICY_H_
