// Identities for tests against a development-mode server: a channel whose
// every call carries the x-wor-* identity headers of one user, or — for
// tests about the lifecycle rather than access — of the natural actor of
// each method (a GP of practice 01012345 for the referrer's methods, a coach
// of welfare organisation 41234567 for the coach's, the privacy officer for
// the audit log), chosen from the authorisation table itself.
#ifndef WOR_TESTS_COMMON_TEST_IDENTITY_H_
#define WOR_TESTS_COMMON_TEST_IDENTITY_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <optional>
#include <string>

#include "wor/v1/identity.pb.h"

namespace wor::server {

struct TestIdentity {
  std::string organisation;  // "agb:01012345"
  std::string user;
  wor::v1::UserRole role = wor::v1::USER_ROLE_UNSPECIFIED;
  std::string acting_for;
};

// The demo region's users.
TestIdentity GpOfPractice(const std::string& agb = "01012345");
TestIdentity CoachOf(const std::string& kvk = "41234567");
TestIdentity CoordinatorOf(const std::string& kvk = "41234567");
TestIdentity PartnerAnalyst();
TestIdentity PrivacyOfficer();
TestIdentity Admin();

// A plaintext channel to `target` whose calls carry `identity`, or the
// natural actor of each method when nullopt.
std::shared_ptr<grpc::Channel> ChannelWithIdentity(
    const std::string& target, std::optional<TestIdentity> identity);

}  // namespace wor::server

#endif  // WOR_TESTS_COMMON_TEST_IDENTITY_H_
