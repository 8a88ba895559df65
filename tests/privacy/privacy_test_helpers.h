// Shared steps of the privacy tests: stubs acting as a given user, and the
// few calls the tests repeat.
#ifndef WOR_TESTS_PRIVACY_PRIVACY_TEST_HELPERS_H_
#define WOR_TESTS_PRIVACY_PRIVACY_TEST_HELPERS_H_

#include <fstream>
#include <sstream>
#include <string>

#include "tests/common/test_server.h"
#include "wor/v1/audit_service.grpc.pb.h"
#include "wor/v1/consent_service.grpc.pb.h"

namespace wor::server {

template <typename Service>
std::unique_ptr<typename Service::Stub> StubAs(TestServer& server,
                                               const TestIdentity& who) {
  return Service::NewStub(server.ChannelAs(who));
}

inline wor::v1::Referral CreateAsGp(TestServer& server,
                                    const wor::v1::Referral& referral,
                                    const std::string& request_id) {
  auto stub = StubAs<wor::v1::ReferralService>(server, GpOfPractice());
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = referral;
  request.set_request_id(request_id);
  grpc::ClientContext context;
  wor::v1::CreateReferralResponse response;
  grpc::Status status = stub->CreateReferral(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.referral();
}

inline grpc::Status GetAs(TestServer& server, const TestIdentity& who,
                          const std::string& name, wor::v1::Referral* out) {
  auto stub = StubAs<wor::v1::ReferralService>(server, who);
  wor::v1::GetReferralRequest request;
  request.set_name(name);
  grpc::ClientContext context;
  wor::v1::GetReferralResponse response;
  grpc::Status status = stub->GetReferral(&context, request, &response);
  if (out != nullptr) *out = response.referral();
  return status;
}

inline std::vector<wor::v1::AuditRecord> AuditRecords(
    TestServer& server, const std::string& referral = "") {
  auto stub = StubAs<wor::v1::AuditService>(server, PrivacyOfficer());
  wor::v1::ListAuditRecordsRequest request;
  request.set_referral(referral);
  request.set_page_size(1000);
  grpc::ClientContext context;
  wor::v1::ListAuditRecordsResponse response;
  grpc::Status status = stub->ListAuditRecords(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return {response.records().begin(), response.records().end()};
}

inline wor::v1::VerifyAuditChainResponse VerifyChain(TestServer& server) {
  auto stub = StubAs<wor::v1::AuditService>(server, PrivacyOfficer());
  grpc::ClientContext context;
  wor::v1::VerifyAuditChainResponse response;
  grpc::Status status = stub->VerifyAuditChain(
      &context, wor::v1::VerifyAuditChainRequest(), &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response;
}

// The raw bytes of a file ("" when absent).
inline std::string FileBytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

}  // namespace wor::server

#endif  // WOR_TESTS_PRIVACY_PRIVACY_TEST_HELPERS_H_
