// The coach's worklist over real gRPC: ListReferrals filtered by
// `assigned_coach` (only that coach's referrals, combined with the other
// filters and paging, refused when malformed, never wider than the caller's
// own scope) and Ping answering with the caller's own identity, which is how
// a client finds the calling coach's name.
#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/wor_server.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"
#include "tests/integration/rpc_helpers.h"
#include "tests/integration/two_organisations_fixture.h"
#include "wor/v1/diagnostics.grpc.pb.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

constexpr char kCoach[] =
    "welfareOrganisations/41234567/coaches/coach-41234567";
constexpr char kColleague[] = "welfareOrganisations/41234567/coaches/coach-2";

TestIdentity Colleague() {
  return {"kvk:41234567", "coach-2", wor::v1::USER_ROLE_COACH, ""};
}

// Referrals of two coaches and two organisations (two_organisations_fixture.h).
class WorklistFilter : public TwoOrganisationsTest {
 protected:
  std::unique_ptr<wor::v1::ReferralService::Stub> Referrals(
      const TestIdentity& who) {
    return wor::v1::ReferralService::NewStub(ChannelWithIdentity(target_, who));
  }

  // A new referral from the demo practice; accepted by `accepter` if given.
  std::string NewReferral(const std::string& tag,
                          const TestIdentity* accepter) {
    wor::v1::CreateReferralRequest create;
    *create.mutable_referral() = ValidReferral();
    create.set_request_id(absl::StrCat("create-", tag));
    auto gp = Referrals(GpOfPractice());
    auto created = WOR_UNARY(*gp, CreateReferral, create, referral);
    EXPECT_TRUE(created.status.ok()) << created.status.error_message();
    if (accepter != nullptr) {
      wor::v1::AcceptReferralRequest accept;
      accept.set_name(created.value.name());
      accept.set_request_id(absl::StrCat("accept-", tag));
      auto stub = Referrals(*accepter);
      auto accepted = WOR_UNARY(*stub, AcceptReferral, accept, referral);
      EXPECT_TRUE(accepted.status.ok()) << accepted.status.error_message();
    }
    return created.value.name();
  }

  RpcResult<wor::v1::ListReferralsResponse> ListAs(
      const TestIdentity& who, const wor::v1::ListReferralsRequest& request) {
    auto stub = Referrals(who);
    grpc::ClientContext context;
    wor::v1::ListReferralsResponse response;
    grpc::Status status = stub->ListReferrals(&context, request, &response);
    return {status, response};
  }

  static std::set<std::string> Names(
      const wor::v1::ListReferralsResponse& response) {
    std::set<std::string> names;
    for (const auto& referral : response.referrals()) {
      names.insert(referral.name());
    }
    return names;
  }

  RpcResult<wor::v1::PingResponse> PingAs(const TestIdentity& who) {
    auto stub =
        wor::v1::DiagnosticsService::NewStub(ChannelWithIdentity(target_, who));
    grpc::ClientContext context;
    wor::v1::PingResponse response;
    grpc::Status status =
        stub->Ping(&context, wor::v1::PingRequest(), &response);
    return {status, response};
  }
};

TEST_F(WorklistFilter, AssignedCoachListsOnlyThatCoachsReferrals) {
  const TestIdentity coach = CoachOf();
  const TestIdentity colleague = Colleague();
  const std::string mine = NewReferral("mine", &coach);
  const std::string theirs = NewReferral("theirs", &colleague);
  const std::string unassigned = NewReferral("unassigned", nullptr);

  wor::v1::ListReferralsRequest request;
  request.set_assigned_coach(kCoach);
  auto listed = ListAs(coach, request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(Names(listed.value), ElementsAre(mine));

  request.set_assigned_coach(kColleague);
  listed = ListAs(coach, request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(Names(listed.value), ElementsAre(theirs));

  // Without the filter the organisation's whole list, as before.
  listed = ListAs(CoordinatorOf(), wor::v1::ListReferralsRequest());
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(Names(listed.value),
              UnorderedElementsAre(mine, theirs, unassigned));
}

TEST_F(WorklistFilter, AssignedCoachCombinesWithStatesAndPaging) {
  const TestIdentity coach = CoachOf();
  const TestIdentity colleague = Colleague();
  const std::string first = NewReferral("first", &coach);
  NewReferral("other", &colleague);
  const std::string second = NewReferral("second", &coach);

  wor::v1::ListReferralsRequest request;
  request.set_assigned_coach(kCoach);
  request.add_states(wor::v1::REFERRAL_STATE_CONTACTED);
  auto listed = ListAs(coach, request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(listed.value.referrals(), IsEmpty());

  request.clear_states();
  request.add_states(wor::v1::REFERRAL_STATE_ACCEPTED);
  request.set_page_size(1);
  listed = ListAs(coach, request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(Names(listed.value), ElementsAre(first));
  ASSERT_FALSE(listed.value.next_page_token().empty());
  request.set_page_token(listed.value.next_page_token());
  listed = ListAs(coach, request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(Names(listed.value), ElementsAre(second));
  EXPECT_TRUE(listed.value.next_page_token().empty());

  // A page token of one coach's list does not fit another coach's list.
  wor::v1::ListReferralsRequest first_page;
  first_page.set_assigned_coach(kCoach);
  first_page.set_page_size(1);
  listed = ListAs(coach, first_page);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  ASSERT_FALSE(listed.value.next_page_token().empty());
  wor::v1::ListReferralsRequest other_coach = first_page;
  other_coach.set_assigned_coach(kColleague);
  other_coach.set_page_token(listed.value.next_page_token());
  listed = ListAs(coach, other_coach);
  EXPECT_EQ(listed.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(listed.status.error_message(), HasSubstr("page_token"));
}

TEST_F(WorklistFilter, AMalformedAssignedCoachIsRefusedNamingTheField) {
  for (const std::string bad :
       {"coach-41234567", "welfareOrganisations/41234567",
        "welfareOrganisations/4123/coaches/coach-1",
        "welfareOrganisations/41234567/coaches/", "referrals/abc"}) {
    wor::v1::ListReferralsRequest request;
    request.set_assigned_coach(bad);
    auto listed = ListAs(CoachOf(), request);
    EXPECT_EQ(listed.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << bad;
    EXPECT_THAT(listed.status.error_message(), HasSubstr("assigned_coach"))
        << bad;
    EXPECT_THAT(listed.status.error_message(),
                HasSubstr("welfareOrganisations/{kvk_number}/coaches/"))
        << bad;
  }
}

TEST_F(WorklistFilter, TheFilterNeverWidensTheCallersScope) {
  const TestIdentity coach = CoachOf();
  NewReferral("mine", &coach);
  // A coach of another organisation naming our coach sees nothing.
  wor::v1::ListReferralsRequest request;
  request.set_assigned_coach(kCoach);
  auto listed = ListAs(CoachOf(kOtherOrganisation), request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_THAT(listed.value.referrals(), IsEmpty());
  // A GP of the referring practice may narrow the practice's own list by
  // coach too.
  listed = ListAs(GpOfPractice(), request);
  ASSERT_TRUE(listed.status.ok()) << listed.status.error_message();
  EXPECT_EQ(listed.value.referrals_size(), 1);
}

TEST_F(WorklistFilter, PingAnswersWithTheCallersOwnIdentity) {
  auto coach = PingAs(CoachOf());
  ASSERT_TRUE(coach.status.ok()) << coach.status.error_message();
  EXPECT_EQ(coach.value.organisation(), "kvk:41234567");
  EXPECT_EQ(coach.value.user(), "coach-41234567");
  EXPECT_EQ(coach.value.role(), wor::v1::USER_ROLE_COACH);
  EXPECT_EQ(coach.value.coach(), kCoach);

  // A coordinator and a GP are no coach: no coach name.
  auto coordinator = PingAs(CoordinatorOf());
  ASSERT_TRUE(coordinator.status.ok());
  EXPECT_EQ(coordinator.value.role(), wor::v1::USER_ROLE_COORDINATOR);
  EXPECT_EQ(coordinator.value.coach(), "");
  auto gp = PingAs(GpOfPractice());
  ASSERT_TRUE(gp.status.ok());
  EXPECT_EQ(gp.value.organisation(), "agb:01012345");
  EXPECT_EQ(gp.value.coach(), "");
}

}  // namespace
}  // namespace wor::server

namespace wor::server {
namespace {

// The EHR plugin's status card: one patient's referrals, by the id in the
// practice's own EHR.
class EhrPatientFilter : public TwoOrganisationsTest {
 protected:
  std::string NewReferralFor(const std::string& ehr_patient, int i) {
    wor::v1::CreateReferralRequest create;
    *create.mutable_referral() = ValidReferral();
    create.mutable_referral()->mutable_patient()->set_ehr_patient_reference(
        ehr_patient);
    create.mutable_referral()->mutable_patient()->clear_bsn();
    create.set_request_id(absl::StrCat("create-", ehr_patient, "-", i));
    auto gp = wor::v1::ReferralService::NewStub(
        ChannelWithIdentity(target_, GpOfPractice()));
    auto created = WOR_UNARY(*gp, CreateReferral, create, referral);
    EXPECT_TRUE(created.status.ok()) << created.status.error_message();
    return created.value.name();
  }

  RpcResult<wor::v1::ListReferralsResponse> ListAs(
      const TestIdentity& who, const std::string& ehr_patient,
      int page_size = 0, const std::string& token = "") {
    wor::v1::ListReferralsRequest list;
    list.set_ehr_patient_reference(ehr_patient);
    list.set_page_size(page_size);
    list.set_page_token(token);
    auto stub =
        wor::v1::ReferralService::NewStub(ChannelWithIdentity(target_, who));
    grpc::ClientContext context;
    wor::v1::ListReferralsResponse response;
    grpc::Status status = stub->ListReferrals(&context, list, &response);
    return {status, response};
  }
};

TEST_F(EhrPatientFilter, ThePracticeListsOnlyThatPatientsReferralsPageByPage) {
  std::set<std::string> mine;
  for (int i = 0; i < 3; ++i) {
    mine.insert(NewReferralFor("Patient/42", i));
    NewReferralFor("Patient/43", i);
  }
  auto all = ListAs(GpOfPractice(), "Patient/42");
  ASSERT_TRUE(all.status.ok()) << all.status.error_message();
  std::set<std::string> listed;
  for (const auto& r : all.value.referrals()) listed.insert(r.name());
  EXPECT_EQ(listed, mine);

  std::set<std::string> paged;
  std::string token;
  do {
    auto page = ListAs(GpOfPractice(), "Patient/42", 2, token);
    ASSERT_TRUE(page.status.ok()) << page.status.error_message();
    EXPECT_LE(page.value.referrals_size(), 2);
    for (const auto& r : page.value.referrals()) {
      EXPECT_EQ(r.patient().ehr_patient_reference(), "Patient/42");
      EXPECT_TRUE(paged.insert(r.name()).second) << "listed twice";
    }
    token = page.value.next_page_token();
  } while (!token.empty());
  EXPECT_EQ(paged, mine);
  EXPECT_THAT(ListAs(GpOfPractice(), "Patient/99").value.referrals(),
              IsEmpty());
}

TEST_F(EhrPatientFilter, OnlyTheReferringPracticeMayFilterByItsEhrId) {
  NewReferralFor("Patient/42", 0);
  EXPECT_EQ(ListAs(CoachOf(), "Patient/42").status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace wor::server
