// One-line calls over a mutual-TLS channel with a user token, so the
// security tests read as the requirement they check. Every call has a
// ten-second deadline: a refused handshake must fail, not hang.
#ifndef WOR_TESTS_SECURITY_SECURE_CALLS_H_
#define WOR_TESTS_SECURITY_SECURE_CALLS_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <string>

#include "tests/common/test_server.h"
#include "tests/security/mtls_test_server.h"
#include "wor/v1/audit_service.grpc.pb.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::server {

inline void PrepareCall(grpc::ClientContext& context,
                        const std::string& token) {
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  if (!token.empty()) AddUserToken(context, token);
}

// ListReferrals with no filter; `token` may be empty (none sent).
inline grpc::Status ListReferrals(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& token,
    wor::v1::ListReferralsResponse* response = nullptr) {
  wor::v1::ListReferralsResponse ignored;
  grpc::ClientContext context;
  PrepareCall(context, token);
  return wor::v1::ReferralService::NewStub(channel)->ListReferrals(
      &context, wor::v1::ListReferralsRequest(),
      response != nullptr ? response : &ignored);
}

// CreateReferral of `referral` (ValidReferral() by default).
inline grpc::Status CreateReferral(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& token,
    const std::string& request_id,
    const wor::v1::Referral& referral = ValidReferral()) {
  grpc::ClientContext context;
  PrepareCall(context, token);
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = referral;
  request.set_request_id(request_id);
  wor::v1::CreateReferralResponse response;
  return wor::v1::ReferralService::NewStub(channel)->CreateReferral(
      &context, request, &response);
}

// AuditService.ListAuditRecords (privacy officers only).
inline grpc::Status ListAuditRecords(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& token,
    const wor::v1::ListAuditRecordsRequest& request,
    wor::v1::ListAuditRecordsResponse* response) {
  grpc::ClientContext context;
  PrepareCall(context, token);
  return wor::v1::AuditService::NewStub(channel)->ListAuditRecords(
      &context, request, response);
}

}  // namespace wor::server

#endif  // WOR_TESTS_SECURITY_SECURE_CALLS_H_
