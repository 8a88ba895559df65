// What mutual TLS and the user token put into the access log (NEN 7513):
// the responsible user from the token's `act` claim, the client
// certificate's SHA-256 fingerprint and the peer address — read back by the
// operator's privacy officer over their own certificate.
#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/crypto/test_files.h"
#include "tests/security/mtls_test_server.h"
#include "tests/security/secure_calls.h"

namespace wor::server {
namespace {

using ::testing::StartsWith;

constexpr char kPractice[] = "agb:01012345";
constexpr char kOperator[] = "operator:wor-meppel";

// `openssl x509 -noout -fingerprint -sha256` of the certificate, as the log
// writes fingerprints: lowercase hex without colons.
std::string OpensslFingerprint(const std::string& certificate_file) {
  crypto::CommandResult result = crypto::RunCommand(
      absl::StrCat("openssl x509 -noout -fingerprint -sha256 -in ",
                   crypto::ShellQuote(certificate_file)));
  EXPECT_EQ(result.exit_code, 0);
  // "sha256 Fingerprint=AB:CD:…" (the prefix's spelling varies by version).
  std::string hex = result.out.substr(result.out.find('=') + 1);
  hex = absl::StrReplaceAll(absl::StripAsciiWhitespace(hex), {{":", ""}});
  return absl::AsciiStrToLower(hex);
}

TEST(AuditAccessPoint, TheRecordNamesTheActClaimsUserTheCertificateAndThePeer) {
  MtlsTestServer server;
  // A practice nurse creates a referral for the GP responsible for it.
  const std::string nurse_token = server.TokenFor(
      kPractice, "poh-01077777", "POH", /*acting_for=*/"gp-01099999");
  grpc::Status created =
      CreateReferral(server.ChannelFor(kPractice), nurse_token, "act-1");
  ASSERT_TRUE(created.ok()) << created.error_message();

  wor::v1::ListAuditRecordsRequest request;
  request.set_user("poh-01077777");
  wor::v1::ListAuditRecordsResponse response;
  grpc::Status listed = ListAuditRecords(
      server.ChannelFor(kOperator),
      server.TokenFor(kOperator, "fg-meppel", "PRIVACY_OFFICER"), request,
      &response);
  ASSERT_TRUE(listed.ok()) << listed.error_message();

  auto create =
      std::find_if(response.records().begin(), response.records().end(),
                   [](const wor::v1::AuditRecord& r) {
                     return r.event() == wor::v1::AUDIT_EVENT_TYPE_CREATE;
                   });
  ASSERT_NE(create, response.records().end()) << response.DebugString();
  EXPECT_EQ(create->user(), "poh-01077777");
  EXPECT_EQ(create->role(), wor::v1::USER_ROLE_POH);
  EXPECT_EQ(create->responsible_user(), "gp-01099999");
  EXPECT_EQ(create->organisation(), kPractice);
  EXPECT_EQ(create->access_point().certificate_fingerprint(),
            OpensslFingerprint(server.pki().ClientCertificate(kPractice)));
  EXPECT_THAT(create->access_point().peer_address(),
              StartsWith("ipv4:127.0.0.1:"));
}

TEST(AuditAccessPoint, WithoutAnActClaimTheRecordHasNoResponsibleUser) {
  MtlsTestServer server;
  ASSERT_TRUE(CreateReferral(server.ChannelFor(kPractice),
                             server.TokenFor(kPractice, "gp-01099999", "GP"),
                             "no-act")
                  .ok());
  wor::v1::ListAuditRecordsRequest request;
  request.set_user("gp-01099999");
  wor::v1::ListAuditRecordsResponse response;
  ASSERT_TRUE(ListAuditRecords(
                  server.ChannelFor(kOperator),
                  server.TokenFor(kOperator, "fg-meppel", "PRIVACY_OFFICER"),
                  request, &response)
                  .ok());
  ASSERT_GE(response.records_size(), 1);
  for (const wor::v1::AuditRecord& record : response.records()) {
    EXPECT_EQ(record.responsible_user(), "");
  }
}

}  // namespace
}  // namespace wor::server
