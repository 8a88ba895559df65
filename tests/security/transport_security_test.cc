// Mutual TLS as a client meets it: who gets through the handshake, and which
// TLS versions the server speaks. Real certificates from
// deploy/pki/make-dev-pki.sh; the versions are probed with OpenSSL's C API
// because gRPC's client cannot be pinned to one version.
#include <openssl/ssl.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/security/mtls_test_server.h"
#include "tests/security/secure_calls.h"
#include "tests/security/tls_probe.h"

namespace wor::server {
namespace {

constexpr char kPractice[] = "agb:01012345";

// Probes `server` as practice agb:01012345 with its genuine certificate.
TlsProbeResult ProbeAsPractice(const MtlsTestServer& server, int version) {
  TlsProbeOptions options;
  options.version = version;
  options.certificate_file = server.pki().ClientCertificate(kPractice);
  options.private_key_file = server.pki().ClientKey(kPractice);
  options.ca_file = server.pki().CaCertificate();
  return ProbeTls(server.port(), options);
}

TEST(MutualTls, APracticeWithItsCertificateAndAGpTokenIsServed) {
  MtlsTestServer server;
  wor::v1::ListReferralsResponse response;
  grpc::Status status =
      ListReferrals(server.ChannelFor(kPractice),
                    server.TokenFor(kPractice, "gp-01099999", "GP"), &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.referrals_size(), 0);
}

TEST(MutualTls, ACallWithoutAClientCertificateFailsAtTheHandshake) {
  MtlsTestServer server;
  grpc::Status status =
      ListReferrals(server.ChannelWithCertificate("", ""),
                    server.TokenFor(kPractice, "gp-01099999", "GP"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

TEST(MutualTls, ACertificateFromAnUnknownCaFailsAtTheHandshakeDespiteARealCn) {
  MtlsTestServer server;
  grpc::Status status = ListReferrals(
      server.ChannelWithCertificate(server.pki().UnknownCaClientCertificate(),
                                    server.pki().UnknownCaClientKey()),
      server.TokenFor(kPractice, "gp-01099999", "GP"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

TEST(MutualTls, TheCasServerCertificateIsNotAcceptedAsAClientCertificate) {
  // Same CA, but issued for serverAuth and naming no organisation.
  MtlsTestServer server;
  grpc::Status status = ListReferrals(
      server.ChannelWithCertificate(server.pki().ServerCertificate(),
                                    server.pki().ServerKey()),
      server.TokenFor(kPractice, "gp-01099999", "GP"));
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
      << status.error_message();
}

TEST(MutualTls, ATls13HandshakeWithoutAClientCertificateIsDroppedAfterwards) {
  // In TLS 1.3 the client finishes its handshake before the server has
  // judged the (missing) certificate: the refusal arrives as an alert.
  MtlsTestServer server;
  TlsProbeOptions without_certificate;
  without_certificate.version = TLS1_3_VERSION;
  without_certificate.ca_file = server.pki().CaCertificate();
  TlsProbeResult probe = ProbeTls(server.port(), without_certificate);
  EXPECT_TRUE(probe.handshake_done) << probe.error;
  EXPECT_FALSE(probe.accepted);
}

TEST(MutualTls, TheServerAcceptsTls13) {
  MtlsTestServer server;
  TlsProbeResult probe = ProbeAsPractice(server, TLS1_3_VERSION);
  EXPECT_TRUE(probe.accepted) << probe.error;
  EXPECT_EQ(probe.version, "TLSv1.3");
}

TEST(MutualTls, TheServerRefusesTls12ByDefault) {
  MtlsTestServer server;
  TlsProbeResult probe = ProbeAsPractice(server, TLS1_2_VERSION);
  // The client did offer TLS 1.2; the server hung up without a ServerHello.
  EXPECT_EQ(probe.client_hello_version, TLS1_2_VERSION);
  EXPECT_FALSE(probe.server_hello_received);
  EXPECT_FALSE(probe.handshake_done);
  EXPECT_FALSE(probe.accepted);
}

TEST(MutualTls, TheServerRefusesTls11) {
  MtlsTestServer server;
  TlsProbeResult probe = ProbeAsPractice(server, TLS1_1_VERSION);
  EXPECT_EQ(probe.client_hello_version, TLS1_1_VERSION);
  EXPECT_FALSE(probe.server_hello_received);
  EXPECT_FALSE(probe.handshake_done);
  EXPECT_FALSE(probe.accepted);
}

TEST(MutualTls, AClientOfferingTls12And13AsGrpcDoesNegotiatesTls13) {
  MtlsTestServer server;
  TlsProbeResult probe = ProbeAsPractice(server, /*version=*/0);
  EXPECT_TRUE(probe.accepted) << probe.error;
  EXPECT_EQ(probe.version, "TLSv1.3");
}

TEST(MutualTls, WithAllowTls12TheServerAcceptsTls12AndStillRefusesTls11) {
  MtlsTestServer server({.allow_tls12 = true});
  TlsProbeResult tls12 = ProbeAsPractice(server, TLS1_2_VERSION);
  EXPECT_TRUE(tls12.accepted) << tls12.error;
  EXPECT_EQ(tls12.version, "TLSv1.2");
  TlsProbeResult tls11 = ProbeAsPractice(server, TLS1_1_VERSION);
  EXPECT_EQ(tls11.client_hello_version, TLS1_1_VERSION);
  EXPECT_FALSE(tls11.server_hello_received);
  EXPECT_FALSE(tls11.accepted);
  // A client that can do both still gets TLS 1.3.
  EXPECT_EQ(ProbeAsPractice(server, /*version=*/0).version, "TLSv1.3");
}

TEST(MutualTls, EachServerInAProcessKeepsTheTlsVersionsItWasStartedWith) {
  // The versions are restricted through OpenSSL's process-wide defaults;
  // a later server with another setting must not change an earlier one.
  MtlsTestServer strict;
  MtlsTestServer lenient({.allow_tls12 = true});
  MtlsTestServer strict_again;
  EXPECT_FALSE(ProbeAsPractice(strict, TLS1_2_VERSION).accepted);
  EXPECT_TRUE(ProbeAsPractice(lenient, TLS1_2_VERSION).accepted);
  EXPECT_FALSE(ProbeAsPractice(strict_again, TLS1_2_VERSION).accepted);
}

}  // namespace
}  // namespace wor::server
