// The two EHR sinks on a scripted HTTP client: what they send, and that a
// Communication already in the record is not written again.
#include "plugin/ehr_feedback_sink.h"

#include <deque>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wor::plugin {
namespace {

using ::testing::HasSubstr;

class ScriptedHttp final : public HttpClient {
 public:
  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    requests.push_back(request);
    if (answers.empty()) return absl::UnavailableError("no answer scripted");
    HttpResponse response = answers.front();
    answers.pop_front();
    return response;
  }
  std::vector<HttpRequest> requests;
  std::deque<HttpResponse> answers;
};

FeedbackDelivery Delivery() {
  return {.feedback_name = "referrals/r1/feedback/f1",
          .referral_name = "referrals/r1",
          .ehr_patient_reference = "9a1c-uuid",
          .welfare_organisation = "welfareOrganisations/41234567",
          .kind = wor::v1::FEEDBACK_KIND_AT_CLOSING,
          .summary = "Loopt mee met de wandelgroep.",
          .send_time = absl::FromUnixSeconds(1790000000)};
}

TEST(FhirCommunicationSink, CreatesConditionallyWhenTheSearchFindsNothing) {
  ScriptedHttp http;
  http.answers = {{.status = 200, .body = R"({"resourceType":"Bundle"})"},
                  {.status = 201, .body = "{}"}};
  BackendTokenSource tokens("backend-token");
  FhirCommunicationSink sink(&http, &tokens, "https://ehr/fhir");
  ASSERT_TRUE(sink.Deliver(Delivery()).ok());
  ASSERT_EQ(http.requests.size(), 2u);
  EXPECT_EQ(http.requests[0].method, "GET");
  EXPECT_THAT(http.requests[0].url,
              HasSubstr("https://ehr/fhir/Communication?identifier="));
  EXPECT_EQ(http.requests[1].method, "POST");
  EXPECT_EQ(http.requests[1].url, "https://ehr/fhir/Communication");
  bool conditional = false;
  for (const auto& [name, value] : http.requests[1].headers) {
    if (name == "If-None-Exist") {
      conditional = true;
      EXPECT_THAT(value, HasSubstr("referrals%2Fr1%2Ffeedback%2Ff1"));
    }
  }
  EXPECT_TRUE(conditional);
  EXPECT_THAT(http.requests[1].body, HasSubstr("wandelgroep"));
}

TEST(FhirCommunicationSink, WritesNothingWhenTheRecordAlreadyHoldsIt) {
  ScriptedHttp http;
  http.answers = {
      {.status = 200,
       .body = R"({"resourceType":"Bundle","entry":[{"resource":{}}]})"}};
  BackendTokenSource tokens("backend-token");
  FhirCommunicationSink sink(&http, &tokens, "https://ehr/fhir");
  ASSERT_TRUE(sink.Deliver(Delivery()).ok());
  EXPECT_EQ(http.requests.size(), 1u);
}

TEST(FhirCommunicationSink, AnEhrErrorMeansTryAgain) {
  ScriptedHttp http;
  http.answers = {{.status = 503}};
  BackendTokenSource tokens("backend-token");
  FhirCommunicationSink sink(&http, &tokens, "https://ehr/fhir");
  EXPECT_EQ(sink.Deliver(Delivery()).code(), absl::StatusCode::kUnavailable);
}

TEST(OpenEmrMessageSink, PostsAMessageToThePatientsPid) {
  ScriptedHttp http;
  http.answers = {{.status = 200, .body = R"({"data":{"pid":"7","uuid":"x"}})"},
                  {.status = 201, .body = "{}"}};
  BackendTokenSource tokens("openemr-token");
  OpenEmrMessageSink sink(&http, &tokens, "https://emr/apis/default/api",
                          "huisarts");
  ASSERT_TRUE(sink.Deliver(Delivery()).ok());
  ASSERT_EQ(http.requests.size(), 2u);
  EXPECT_EQ(http.requests[0].url,
            "https://emr/apis/default/api/patient/9a1c-uuid");
  EXPECT_EQ(http.requests[1].url,
            "https://emr/apis/default/api/patient/7/message");
  nlohmann::json body = nlohmann::json::parse(http.requests[1].body);
  EXPECT_EQ(body["to"], "huisarts");
  EXPECT_THAT(body["body"].get<std::string>(), HasSubstr("bij afronding"));
}

}  // namespace
}  // namespace wor::plugin
