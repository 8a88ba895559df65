// Development mode (plaintext, identity from x-wor-* headers) is only for a
// loopback address, and even there a call must say who makes it.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/config/config_loader.h"
#include "tests/common/status_matchers.h"
#include "tests/common/test_server.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;

// Validates the demo configuration in development mode on `address`.
absl::Status ValidateDevelopmentModeOn(const std::string& address) {
  wor::server::config::ServerConfig config = TestConfig(/*directory=*/"");
  config.mutable_security()->set_development_mode(true);
  config.set_listen_address(address);
  return ValidateServerConfig(config);
}

TEST(DevelopmentMode, IsRefusedOnAnAddressReachableFromOtherMachines) {
  absl::Status status = ValidateDevelopmentModeOn("0.0.0.0:0");
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(status.message(), HasSubstr("security.development_mode"));
}

TEST(DevelopmentMode, IsAcceptedOnLoopbackAddresses) {
  for (const char* address : {"127.0.0.1:0", "localhost:0", "[::1]:0"}) {
    EXPECT_THAT(ValidateDevelopmentModeOn(address), IsOk()) << address;
  }
}

TEST(DevelopmentMode, ACallWithoutIdentityHeadersIsUnauthenticated) {
  TestServer server(/*use_sqlite=*/false);
  // A plain channel: none of the x-wor-* headers test channels add.
  auto referrals = wor::v1::ReferralService::NewStub(
      grpc::CreateChannel(server.target(), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  wor::v1::ListReferralsResponse response;
  grpc::Status status = referrals->ListReferrals(
      &context, wor::v1::ListReferralsRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(status.error_message(), HasSubstr("x-wor-organisation"));
}

}  // namespace
}  // namespace wor::server
