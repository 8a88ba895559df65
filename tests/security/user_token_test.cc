// The user token on a mutual-TLS call: every way it can be missing, forged,
// stale or misplaced is refused as UNAUTHENTICATED with a reason the
// integrator can act on — and the reason never echoes the token.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/security/mtls_test_server.h"
#include "tests/security/secure_calls.h"
#include "tests/security/user_tokens.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;

constexpr char kPractice[] = "agb:01012345";
constexpr char kWelfare[] = "kvk:41234567";

MATCHER_P2(IsUnauthenticatedBecause, reason, token,
           absl::StrCat("is UNAUTHENTICATED naming \"", reason,
                        "\" without the token")) {
  *result_listener << "status " << arg.error_code() << ": \""
                   << arg.error_message() << "\"";
  if (arg.error_code() != grpc::StatusCode::UNAUTHENTICATED) return false;
  if (!absl::StrContains(arg.error_message(), reason)) return false;
  for (absl::string_view part : absl::StrSplit(std::string(token), '.')) {
    if (!part.empty() && absl::StrContains(arg.error_message(), part)) {
      *result_listener << ", which contains part of the token";
      return false;
    }
  }
  return true;
}

class UserToken : public ::testing::Test {
 protected:
  // A GP of practice agb:01012345, as its identity provider issues them.
  UserTokenClaims GpClaims() {
    return ClaimsFor(kPractice, "gp-01099999", "GP", server_.clock().Now());
  }
  std::string SignedByPractice(const UserTokenClaims& claims) const {
    return SignToken(claims, server_.pki().TokenSigningKey(kPractice));
  }
  // ListReferrals over the practice's certificate with `token`.
  grpc::Status CallAsPractice(const std::string& token) {
    return ListReferrals(server_.ChannelFor(kPractice), token);
  }

  MtlsTestServer server_;
};

TEST_F(UserToken, AValidGpTokenOnItsPracticesCertificateIsAccepted) {
  grpc::Status status = CallAsPractice(SignedByPractice(GpClaims()));
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(UserToken, ACallWithoutATokenIsRefused) {
  EXPECT_THAT(CallAsPractice(""),
              IsUnauthenticatedBecause("a user token is required", ""));
}

TEST_F(UserToken, ATokenOfOneOrganisationOnAnotherOrganisationsCertIsRefused) {
  const std::string coach_token =
      server_.TokenFor(kWelfare, "coach-41234567", "COACH");
  ASSERT_TRUE(ListReferrals(server_.ChannelFor(kWelfare), coach_token).ok());
  EXPECT_THAT(CallAsPractice(coach_token),
              IsUnauthenticatedBecause("another organisation", coach_token));
}

TEST_F(UserToken, ATokenSignedWithAnUnregisteredKeyIsRefused) {
  const std::string forged =
      SignToken(GpClaims(), crypto::Es256PrivateKey::Generate());
  EXPECT_THAT(CallAsPractice(forged),
              IsUnauthenticatedBecause("signature is not valid", forged));
}

TEST_F(UserToken, ATokenNamingAnUnregisteredKeyIdIsRefused) {
  const std::string token =
      SignToken(GpClaims(), server_.pki().TokenSigningKey(kPractice), "dev-2");
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause("(kid) is not registered", token));
}

TEST_F(UserToken, ATokenSignedWithAnotherOrganisationsKeyIsRefused) {
  const std::string token =
      SignToken(GpClaims(), server_.pki().TokenSigningKey(kWelfare));
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause("signature is not valid", token));
}

TEST_F(UserToken, ATokenWithATamperedPayloadIsRefused) {
  UserTokenClaims promoted = GpClaims();
  promoted.subject = "gp-01088888";
  const std::string tampered =
      WithPayloadReplaced(SignedByPractice(GpClaims()), promoted);
  EXPECT_THAT(CallAsPractice(tampered),
              IsUnauthenticatedBecause("signature is not valid", tampered));
}

TEST_F(UserToken, AnUnsignedAlgNoneTokenIsRefused) {
  const std::string unsigned_token = UnsignedToken(GpClaims());
  EXPECT_THAT(
      CallAsPractice(unsigned_token),
      IsUnauthenticatedBecause("not a valid ES256 JWT", unsigned_token));
  // With a signature-shaped tail the header's "alg" itself is refused.
  const std::string with_tail =
      absl::StrCat(unsigned_token, std::string(86, 'A'));
  EXPECT_THAT(
      CallAsPractice(with_tail),
      IsUnauthenticatedBecause("must name the algorithm \"ES256\"", with_tail));
}

TEST_F(UserToken, AnExpiredTokenIsRefusedOnceTheLeewayHasPassed) {
  const std::string token = SignedByPractice(GpClaims());
  // One hour of validity plus the default 60 seconds of clock skew.
  server_.clock().Advance(absl::Hours(1) + absl::Seconds(60));
  EXPECT_TRUE(CallAsPractice(token).ok());
  server_.clock().Advance(absl::Seconds(1));
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause("expired", token));
}

TEST_F(UserToken, ATokenNotYetValidBeyondTheLeewayIsRefused) {
  UserTokenClaims within_leeway = GpClaims();
  within_leeway.not_before = server_.clock().Now() + absl::Seconds(60);
  EXPECT_TRUE(CallAsPractice(SignedByPractice(within_leeway)).ok());
  UserTokenClaims early = GpClaims();
  early.not_before = server_.clock().Now() + absl::Seconds(61);
  const std::string token = SignedByPractice(early);
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause("not valid yet", token));
}

TEST_F(UserToken, ATokenForAnotherAudienceIsRefused) {
  UserTokenClaims claims = GpClaims();
  claims.audience = "another-server";
  const std::string token = SignedByPractice(claims);
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause("aud must be \"wor\"", token));
}

TEST_F(UserToken, ARoleThatDoesNotBelongToTheOrganisationIsRefused) {
  UserTokenClaims coach_at_practice = GpClaims();
  coach_at_practice.role = "COACH";
  const std::string token = SignedByPractice(coach_at_practice);
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause(
                  "USER_ROLE_COACH does not belong to an organisation of "
                  "kind ORGANISATION_KIND_PRACTICE",
                  token));
}

TEST_F(UserToken, AnUnknownRoleIsRefused) {
  UserTokenClaims claims = GpClaims();
  claims.role = "SURGEON";
  const std::string token = SignedByPractice(claims);
  EXPECT_THAT(CallAsPractice(token),
              IsUnauthenticatedBecause("no known role", token));
}

}  // namespace
}  // namespace wor::server
