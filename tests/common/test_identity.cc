#include "tests/common/test_identity.h"

#include <grpcpp/support/client_interceptor.h>

#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "server/domain/access_policy.h"

namespace wor::server {
namespace {

// The first role the table allows, in the order a walk-through meets them.
TestIdentity NaturalActor(absl::string_view grpc_method) {
  // "/wor.v1.ReferralService/GetReferral" →
  // "wor.v1.ReferralService.GetReferral"
  absl::ConsumePrefix(&grpc_method, "/");
  const std::string method = absl::StrReplaceAll(grpc_method, {{"/", "."}});
  if (FindAccessRule(method, wor::v1::USER_ROLE_GP)) return GpOfPractice();
  if (FindAccessRule(method, wor::v1::USER_ROLE_COACH)) return CoachOf();
  if (FindAccessRule(method, wor::v1::USER_ROLE_PRIVACY_OFFICER))
    return PrivacyOfficer();
  return Admin();
}

class IdentityInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit IdentityInterceptor(TestIdentity identity)
      : identity_(std::move(identity)) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::
                PRE_SEND_INITIAL_METADATA)) {
      auto* metadata = methods->GetSendInitialMetadata();
      metadata->insert({"x-wor-organisation", identity_.organisation});
      metadata->insert({"x-wor-user", identity_.user});
      std::string role = wor::v1::UserRole_Name(identity_.role);
      metadata->insert({"x-wor-role", role.substr(10)});  // after USER_ROLE_
      if (!identity_.acting_for.empty())
        metadata->insert({"x-wor-acting-for", identity_.acting_for});
    }
    methods->Proceed();
  }

 private:
  TestIdentity identity_;
};

class IdentityInterceptorFactory
    : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit IdentityInterceptorFactory(std::optional<TestIdentity> identity)
      : identity_(std::move(identity)) {}

  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo* info) override {
    return new IdentityInterceptor(identity_ ? *identity_
                                             : NaturalActor(info->method()));
  }

 private:
  std::optional<TestIdentity> identity_;
};

}  // namespace

TestIdentity GpOfPractice(const std::string& agb) {
  return {"agb:" + agb, "gp-" + agb, wor::v1::USER_ROLE_GP, ""};
}
TestIdentity CoachOf(const std::string& kvk) {
  return {"kvk:" + kvk, "coach-" + kvk, wor::v1::USER_ROLE_COACH, ""};
}
TestIdentity CoordinatorOf(const std::string& kvk) {
  return {"kvk:" + kvk, "coordinator-" + kvk, wor::v1::USER_ROLE_COORDINATOR,
          ""};
}
TestIdentity PartnerAnalyst() {
  return {"partner:gemeente-meppel", "analyst-meppel",
          wor::v1::USER_ROLE_PARTNER_ANALYST, ""};
}
TestIdentity PrivacyOfficer() {
  return {"operator:wor-meppel", "fg-meppel",
          wor::v1::USER_ROLE_PRIVACY_OFFICER, ""};
}
TestIdentity Admin() {
  return {"operator:wor-meppel", "admin-meppel", wor::v1::USER_ROLE_ADMIN, ""};
}

std::shared_ptr<grpc::Channel> ChannelWithIdentity(
    const std::string& target, std::optional<TestIdentity> identity) {
  std::vector<
      std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>>
      factories;
  factories.push_back(
      std::make_unique<IdentityInterceptorFactory>(std::move(identity)));
  return grpc::experimental::CreateCustomChannelWithInterceptors(
      target, grpc::InsecureChannelCredentials(), grpc::ChannelArguments(),
      std::move(factories));
}

}  // namespace wor::server
