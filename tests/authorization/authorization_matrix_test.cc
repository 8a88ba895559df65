// The full authorisation matrix, generated from the service descriptors:
// every RPC the server offers × every role × the caller's own referral,
// another organisation's, and a missing one — each cell called for real over
// gRPC and compared with the one policy table (server/domain/access_policy).
//
// Outcomes are classed as ALLOWED (the call got past authorisation: any code
// but PERMISSION_DENIED, NOT_FOUND or UNAUTHENTICATED), DENIED
// (PERMISSION_DENIED) and NOT_FOUND. Another organisation's id and a missing
// id must be indistinguishable: same code, same message once the name is
// taken out.
#include <grpcpp/generic/generic_stub.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/text_format.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "gtest/gtest.h"
#include "server/app/wor_server.h"
#include "server/domain/access_policy.h"
#include "server/domain/time_conversion.h"
#include "tests/common/test_server.h"

namespace wor::server {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

enum class Outcome { kAllowed, kDenied, kNotFound };

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kAllowed:
      return "ALLOWED";
    case Outcome::kDenied:
      return "DENIED";
    case Outcome::kNotFound:
      return "NOT_FOUND";
  }
  return "?";
}

enum class Target { kOwn, kOthers, kMissing };
const char* TargetName(Target t) {
  return t == Target::kOwn      ? "own"
         : t == Target::kOthers ? "other's"
                                : "missing";
}

// A second welfare organisation with its own practice, so "another
// organisation's referral" exists for both sides.
constexpr char kOtherPractice[] = "01045678";
constexpr char kOtherOrganisation[] = "47654321";

wor::server::config::ServerConfig MatrixConfig(const std::string& directory) {
  wor::server::config::ServerConfig config = TestConfig(directory);
  auto* organisation = config.add_welfare_organisations();
  organisation->set_kvk_number(kOtherOrganisation);
  organisation->set_name("Welzijn Elders");
  auto* practice = config.add_practices();
  practice->set_agb(kOtherPractice);
  practice->set_name("Huisartsenpraktijk Elders");
  practice->set_welfare_organisation_kvk(kOtherOrganisation);
  if (config.partners_size() == 0) {
    auto* partner = config.add_partners();
    partner->set_id("gemeente-meppel");
    partner->set_name("Gemeente Meppel");
    partner->set_kind(wor::server::config::PARTNER_KIND_MUNICIPALITY);
  }
  if (config.operator_().id().empty()) {
    config.mutable_operator_()->set_id("wor-meppel");
    config.mutable_operator_()->set_name("Beheer");
  }
  return config;
}

TestIdentity IdentityFor(wor::v1::UserRole role) {
  switch (role) {
    case wor::v1::USER_ROLE_GP:
      return GpOfPractice();
    case wor::v1::USER_ROLE_POH:
      return {"agb:01012345", "poh-01012345", wor::v1::USER_ROLE_POH, ""};
    case wor::v1::USER_ROLE_COACH:
      return CoachOf();
    case wor::v1::USER_ROLE_COORDINATOR:
      return CoordinatorOf();
    case wor::v1::USER_ROLE_PARTNER_ANALYST:
      return PartnerAnalyst();
    case wor::v1::USER_ROLE_PRIVACY_OFFICER:
      return PrivacyOfficer();
    default:
      return Admin();
  }
}

bool IsReferrerRole(wor::v1::UserRole role) {
  return role == wor::v1::USER_ROLE_GP || role == wor::v1::USER_ROLE_POH;
}

// The referral (or feedback) field a request names its target by, if any.
const FieldDescriptor* TargetField(const Descriptor* request) {
  for (const char* name : {"name", "referral", "parent"}) {
    const FieldDescriptor* field = request->FindFieldByName(name);
    if (field != nullptr && field->type() == FieldDescriptor::TYPE_STRING)
      return field;
  }
  return nullptr;
}

// Valid values for the parts of requests that are checked before access, so
// that what the matrix observes is the access decision.
const std::map<std::string, std::string>& RequestBodies() {
  static const auto* bodies = new std::map<std::string, std::string>{
      {"RejectReferral", "reason: REJECTION_REASON_OUTSIDE_SERVICE_AREA"},
      {"CancelReferral", "reason: CANCELLATION_REASON_WITHDRAWN_BY_REFERRER"},
      {"PutReferralOnHold", "reason: HOLD_REASON_PATIENT_UNREACHABLE"},
      {"RecordContactAttempt",
       "attempt { attempt_time { seconds: 1776927600 } channel: "
       "CONTACT_CHANNEL_PHONE result: CONTACT_RESULT_REACHED }"},
      // Coordinators name the coach; coaches name themselves.
      {"ScheduleIntake",
       "scheduled_time { seconds: 1777100400 } location: INTAKE_LOCATION_HOME "
       "coach: \"welfareOrganisations/41234567/coaches/coach-41234567\""},
      {"FindIntakeSlots",
       "coach: \"welfareOrganisations/41234567/coaches/coach-41234567\""},
      {"CancelIntake", "cancelled_by: INTAKE_CANCELLED_BY_PATIENT"},
      {"RecordIntake",
       "held_time { seconds: 1776927600 } scores { bodily_functions: 5 "
       "mental_wellbeing: 5 meaning: 5 quality_of_life: 5 participation: 5 "
       "daily_functioning: 5 }"},
      {"ChooseActivity", "category: \"discover_and_do\""},
      {"CompleteReferral", "outcome: REFERRAL_OUTCOME_ACTIVITY_STARTED"},
      {"SendFeedback",
       "feedback { kind: FEEDBACK_KIND_AFTER_INTAKE summary: \"Goed gesprek.\" "
       "}"},
      {"RecordConsent",
       "scopes: CONSENT_SCOPE_RESEARCH obtained_by_agb: \"01099999\" method: "
       "CONSENT_METHOD_VERBAL text_version: \"2026-01\""},
      {"RevokeConsent",
       "scopes: CONSENT_SCOPE_RESEARCH method: CONSENT_METHOD_VERBAL"},
      {"GetConsentReceipt", "language: \"nl\""},
      {"GetPatientAccessReport", "language: \"nl\""},
      {"ErasePatientData", "request_reference: \"AVG-2026-0001\""},
  };
  return *bodies;
}

class AuthorizationMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "wor-matrix-XXXXXX";
    directory_ = mkdtemp(pattern.data());
    auto server = WorServer::Start(MatrixConfig(directory_), &clock_, &log_);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    target_ = absl::StrCat("127.0.0.1:", server_->port());
    own_ = CreateReferralFor("01012345", GpOfPractice());
    others_ = CreateReferralFor(kOtherPractice, GpOfPractice(kOtherPractice));
    ASSERT_FALSE(own_.empty());
    ASSERT_FALSE(others_.empty());
    missing_ = "referrals/00000000-0000-4000-8000-000000000000";
    own_feedback_ = AcceptAndSendFeedback(own_, CoachOf());
    others_feedback_ =
        AcceptAndSendFeedback(others_, CoachOf(kOtherOrganisation));
    ASSERT_FALSE(own_feedback_.empty());
    ASSERT_FALSE(others_feedback_.empty());
  }

  void TearDown() override {
    server_->Shutdown(absl::ZeroDuration());
    server_.reset();
    std::filesystem::remove_all(directory_);
  }

  std::string CreateReferralFor(const std::string& agb,
                                const TestIdentity& gp) {
    auto stub =
        wor::v1::ReferralService::NewStub(ChannelWithIdentity(target_, gp));
    wor::v1::CreateReferralRequest request;
    *request.mutable_referral() = ValidReferral();
    request.mutable_referral()->mutable_referrer()->set_practice_agb(agb);
    request.set_request_id(absl::StrCat("setup-", agb));
    grpc::ClientContext context;
    wor::v1::CreateReferralResponse response;
    grpc::Status status = stub->CreateReferral(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.referral().name();
  }

  // Accepts the referral and sends interim feedback as its coach; returns
  // the feedback's name.
  std::string AcceptAndSendFeedback(const std::string& referral,
                                    const TestIdentity& coach) {
    auto channel = ChannelWithIdentity(target_, coach);
    auto referrals = wor::v1::ReferralService::NewStub(channel);
    wor::v1::AcceptReferralRequest accept;
    accept.set_name(referral);
    accept.set_request_id(absl::StrCat("accept-", referral.substr(10)));
    grpc::ClientContext accept_context;
    wor::v1::AcceptReferralResponse accepted;
    EXPECT_TRUE(
        referrals->AcceptReferral(&accept_context, accept, &accepted).ok());
    auto feedback = wor::v1::FeedbackService::NewStub(channel);
    wor::v1::SendFeedbackRequest send;
    send.set_parent(referral);
    send.mutable_feedback()->set_kind(wor::v1::FEEDBACK_KIND_INTERIM);
    send.mutable_feedback()->set_summary("Eerste kennismaking gehad.");
    send.set_request_id(absl::StrCat("feedback-", referral.substr(10)));
    grpc::ClientContext send_context;
    wor::v1::SendFeedbackResponse sent;
    grpc::Status status = feedback->SendFeedback(&send_context, send, &sent);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return sent.feedback().name();
  }

  std::vector<std::string> ServiceNames() {
    auto reflection = grpc::reflection::v1alpha::ServerReflection::NewStub(
        ChannelWithIdentity(target_, Admin()));
    grpc::ClientContext context;
    auto stream = reflection->ServerReflectionInfo(&context);
    grpc::reflection::v1alpha::ServerReflectionRequest request;
    request.set_list_services("");
    stream->Write(request);
    stream->WritesDone();
    grpc::reflection::v1alpha::ServerReflectionResponse response;
    stream->Read(&response);
    std::vector<std::string> names;
    for (const auto& s : response.list_services_response().service()) {
      if (absl::StartsWith(s.name(), "wor.v1.")) names.push_back(s.name());
    }
    stream->Finish();
    return names;
  }

  // Builds the request of `method` aimed at `target` for a caller in `role`.
  std::unique_ptr<Message> BuildRequest(const MethodDescriptor* method,
                                        wor::v1::UserRole role, Target target,
                                        int serial) {
    const Descriptor* type = method->input_type();
    std::unique_ptr<Message> request(factory_.GetPrototype(type)->New());
    auto body = RequestBodies().find(method->name());
    if (body != RequestBodies().end()) {
      EXPECT_TRUE(google::protobuf::TextFormat::MergeFromString(body->second,
                                                                request.get()))
          << method->name();
    }
    const std::string& referral = target == Target::kOwn      ? own_
                                  : target == Target::kOthers ? others_
                                                              : missing_;
    const google::protobuf::Reflection* reflection = request->GetReflection();
    if (const FieldDescriptor* field = TargetField(type)) {
      std::string name = referral;
      if (method->name() == "AcknowledgeFeedback") {
        name = target == Target::kOwn ? own_feedback_
               : target == Target::kOthers
                   ? others_feedback_
                   : absl::StrCat(missing_, "/feedback/f1");
      }
      reflection->SetString(request.get(), field, name);
    }
    // A coach's calendar: "own" is the caller's own (a coordinator: a coach
    // of their organisation), "other's" a coach of another organisation,
    // "missing" a name that names no coach.
    if (method->name() == "ExportCoachCalendar") {
      const std::string coach =
          target == Target::kOwn
              ? absl::StrCat("welfareOrganisations/41234567/coaches/",
                             IdentityFor(role).user)
          : target == Target::kOthers
              ? absl::StrCat("welfareOrganisations/", kOtherOrganisation,
                             "/coaches/coach-", kOtherOrganisation)
              : "welfareOrganisations/41234567/coaches/";
      reflection->SetString(request.get(), type->FindFieldByName("coach"),
                            coach);
    }
    if (const FieldDescriptor* id = type->FindFieldByName("request_id")) {
      reflection->SetString(request.get(), id,
                            absl::StrCat("00000000-0000-4000-8000-",
                                         absl::StrFormat("%012d", serial)));
    }
    // Collections: "other's" asks for another organisation's referrals.
    if (method->name() == "CreateReferral") {
      wor::v1::CreateReferralRequest create;
      *create.mutable_referral() = ValidReferral();
      if (target != Target::kOwn)
        create.mutable_referral()->mutable_referrer()->set_practice_agb(
            target == Target::kOthers ? kOtherPractice : "01034567");
      create.set_request_id(absl::StrCat("00000000-0000-4000-8000-",
                                         absl::StrFormat("%012d", serial)));
      request->ParseFromString(create.SerializeAsString());
    }
    if (method->name() == "ListReferrals" ||
        method->name() == "WatchReferrals") {
      if (target != Target::kOwn) {
        if (IsReferrerRole(role)) {
          reflection->SetString(
              request.get(), type->FindFieldByName("practice_agb"),
              target == Target::kOthers ? kOtherPractice : "01034567");
        } else {
          reflection->SetString(
              request.get(), type->FindFieldByName("welfare_organisation"),
              absl::StrCat("welfareOrganisations/", target == Target::kOthers
                                                        ? kOtherOrganisation
                                                        : "40000000"));
        }
      }
    }
    return request;
  }

  grpc::Status Call(const MethodDescriptor* method, wor::v1::UserRole role,
                    const Message& request) {
    auto channel = ChannelWithIdentity(target_, IdentityFor(role));
    grpc::ClientContext context;
    const std::string path =
        absl::StrCat("/", method->service()->full_name(), "/", method->name());
    if (method->server_streaming()) {
      // A stream that is allowed stays open: read briefly, then cancel.
      context.set_deadline(std::chrono::system_clock::now() +
                           std::chrono::milliseconds(400));
    }
    grpc::GenericStub stub(channel);
    grpc::CompletionQueue cq;
    std::string bytes = request.SerializeAsString();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer buffer(&slice, 1);
    grpc::Status status;
    if (method->server_streaming()) {
      auto call = stub.PrepareCall(&context, path, &cq);
      void* tag;
      bool ok;
      call->StartCall(reinterpret_cast<void*>(1));
      cq.Next(&tag, &ok);
      call->Write(buffer, reinterpret_cast<void*>(2));
      cq.Next(&tag, &ok);
      call->WritesDone(reinterpret_cast<void*>(3));
      cq.Next(&tag, &ok);
      grpc::ByteBuffer first;
      call->Read(&first, reinterpret_cast<void*>(4));
      cq.Next(&tag, &ok);
      if (ok) context.TryCancel();
      call->Finish(&status, reinterpret_cast<void*>(5));
      cq.Next(&tag, &ok);
      if (ok && (status.error_code() == grpc::StatusCode::CANCELLED)) {
        status = grpc::Status::OK;  // it delivered: allowed
      }
    } else {
      grpc::ByteBuffer response;
      auto call = stub.PrepareUnaryCall(&context, path, buffer, &cq);
      call->StartCall();
      call->Finish(&response, &status, reinterpret_cast<void*>(1));
      void* tag;
      bool ok;
      cq.Next(&tag, &ok);
    }
    cq.Shutdown();
    void* tag;
    bool ok;
    while (cq.Next(&tag, &ok)) {
    }
    return status;
  }

  Outcome Expected(const MethodDescriptor* method, wor::v1::UserRole role,
                   Target target) {
    const std::string full =
        absl::StrCat(method->service()->full_name(), ".", method->name());
    std::optional<Relationship> rule = FindAccessRule(full, role);
    if (!rule) return Outcome::kDenied;
    if (full == "wor.v1.SchedulingService.ExportCoachCalendar") {
      return target == Target::kOwn ? Outcome::kAllowed : Outcome::kNotFound;
    }
    if (*rule == Relationship::kNoPatientData) return Outcome::kAllowed;
    // Partner methods name no referral or organisation: the partner's
    // region is the one this server serves.
    if (*rule == Relationship::kPartnerRegion) return Outcome::kAllowed;
    const bool names_a_referral = TargetField(method->input_type()) != nullptr;
    if (target == Target::kOwn) return Outcome::kAllowed;
    if (!names_a_referral) {
      // Collections: asking for another organisation's is refused; the
      // privacy officer's whole-region methods have no such filter.
      return *rule == Relationship::kWholeRegion ? Outcome::kAllowed
                                                 : Outcome::kDenied;
    }
    if (target == Target::kOthers && *rule == Relationship::kWholeRegion)
      return Outcome::kAllowed;
    return Outcome::kNotFound;
  }

  static Outcome Classify(const grpc::Status& status) {
    switch (status.error_code()) {
      case grpc::StatusCode::PERMISSION_DENIED:
      case grpc::StatusCode::UNAUTHENTICATED:
        return Outcome::kDenied;
      case grpc::StatusCode::NOT_FOUND:
        return Outcome::kNotFound;
      default:
        return Outcome::kAllowed;
    }
  }

  std::string Anonymised(const std::string& message) {
    return absl::StrReplaceAll(
        message, {{others_feedback_, "<id>"},
                  {absl::StrCat(missing_, "/feedback/f1"), "<id>"},
                  {others_, "<id>"},
                  {missing_, "<id>"}});
  }

  FakeClock clock_{TestInstant("2026-04-23T08:00:00Z")};
  std::ostringstream log_;
  std::string directory_;
  std::unique_ptr<WorServer> server_;
  std::string target_;
  std::string own_, others_, missing_;
  std::string own_feedback_, others_feedback_;
  google::protobuf::DynamicMessageFactory factory_;
};

TEST_F(AuthorizationMatrix, EveryRpcEveryRoleEveryTargetMatchesThePolicyTable) {
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  const std::vector<std::string> services = ServiceNames();
  ASSERT_GE(services.size(), 9u);
  const std::vector<wor::v1::UserRole> roles = {
      wor::v1::USER_ROLE_GP,
      wor::v1::USER_ROLE_POH,
      wor::v1::USER_ROLE_COACH,
      wor::v1::USER_ROLE_COORDINATOR,
      wor::v1::USER_ROLE_PARTNER_ANALYST,
      wor::v1::USER_ROLE_PRIVACY_OFFICER,
      wor::v1::USER_ROLE_ADMIN};
  std::set<std::string> offered;
  int cells = 0;
  int serial = 0;
  std::vector<const MethodDescriptor*> methods;
  for (const std::string& name : services) {
    const auto* service = pool->FindServiceByName(name);
    ASSERT_NE(service, nullptr) << name;
    for (int i = 0; i < service->method_count(); ++i)
      methods.push_back(service->method(i));
  }
  // Erasure destroys what later cells read; it goes last.
  std::stable_partition(methods.begin(), methods.end(), [](const auto* m) {
    return m->name() != "ErasePatientData";
  });
  for (const MethodDescriptor* method : methods) {
    const std::string full =
        absl::StrCat(method->service()->full_name(), ".", method->name());
    offered.insert(full);
    for (wor::v1::UserRole role : roles) {
      std::map<Target, grpc::Status> seen;
      for (Target target : {Target::kOwn, Target::kOthers, Target::kMissing}) {
        auto request = BuildRequest(method, role, target, ++serial);
        grpc::Status status = Call(method, role, *request);
        seen[target] = status;
        ++cells;
        EXPECT_EQ(OutcomeName(Classify(status)),
                  std::string(OutcomeName(Expected(method, role, target))))
            << full << " as " << wor::v1::UserRole_Name(role) << " on "
            << TargetName(target) << ": " << status.error_code() << " "
            << status.error_message();
      }
      if (Classify(seen[Target::kOthers]) == Outcome::kNotFound) {
        // Indistinguishable from a missing id.
        EXPECT_EQ(seen[Target::kOthers].error_code(),
                  seen[Target::kMissing].error_code())
            << full;
        EXPECT_EQ(Anonymised(seen[Target::kOthers].error_message()),
                  Anonymised(seen[Target::kMissing].error_message()))
            << full;
      }
    }
  }
  // The table names no method the server does not offer, and every offered
  // method has at least one row (nothing is open by omission either way).
  for (const AccessRule& rule : AccessPolicyTable()) {
    EXPECT_TRUE(offered.contains(std::string(rule.method)))
        << "policy row for unknown method " << rule.method;
  }
  for (const std::string& method : offered) {
    bool has_row = false;
    for (const AccessRule& rule : AccessPolicyTable())
      has_row |= rule.method == method;
    EXPECT_TRUE(has_row) << method << " has no row in the policy table";
  }
  std::cout << "authorization matrix: checked " << cells << " cells ("
            << offered.size() << " RPCs x " << roles.size()
            << " roles x 3 targets)\n";
  RecordProperty("cells", cells);
}

}  // namespace
}  // namespace wor::server
