#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "plugin/pkce.h"
#include "plugin/plugin_app.h"
#include "plugin/smart_discovery.h"
#include "plugin/smart_token.h"

namespace wor::plugin {
namespace {

using ::testing::HasSubstr;

TEST(SmartDiscovery, RequiresS256) {
  auto ok =
      ParseSmartConfiguration(R"({"authorization_endpoint":"https://a/auth",
      "token_endpoint":"https://a/token","code_challenge_methods_supported":["S256"]})");
  ASSERT_TRUE(ok.ok());
  auto plain =
      ParseSmartConfiguration(R"({"authorization_endpoint":"https://a/auth",
      "token_endpoint":"https://a/token","code_challenge_methods_supported":["plain"]})");
  EXPECT_EQ(plain.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(SmartDiscovery, TheAuthorizeUrlCarriesPkceStateAudienceAndLaunch) {
  SmartConfiguration c{.authorization_endpoint = "https://a/auth"};
  std::string url = AuthorizeUrl(c, {.client_id = "wor",
                                     .redirect_uri = "https://p/callback",
                                     .scope = "launch openid",
                                     .state = "s1",
                                     .aud = "https://ehr/fhir",
                                     .launch = "L1",
                                     .code_challenge = "ch"});
  EXPECT_THAT(url,
              HasSubstr("https://a/auth?response_type=code&client_id=wor"));
  EXPECT_THAT(url, HasSubstr("&redirect_uri=https%3A%2F%2Fp%2Fcallback"));
  EXPECT_THAT(url, HasSubstr("&scope=launch%20openid"));
  EXPECT_THAT(url,
              HasSubstr("&state=s1&aud=https%3A%2F%2Fehr%2Ffhir&launch=L1"));
  EXPECT_THAT(url, HasSubstr("&code_challenge=ch&code_challenge_method=S256"));
}

std::string Jwt(const std::string& payload) {
  return "eyJhbGciOiJSUzI1NiJ9." + Base64UrlEncode(payload) + ".sig";
}

TEST(SmartToken, ReadsPatientAndFhirUserOfThisClient) {
  std::string body = R"({"access_token":"at","patient":"pat-1","id_token":")" +
                     Jwt(R"({"aud":"wor","fhirUser":"Practitioner/gp-1"})") +
                     R"("})";
  auto token = ParseLaunchTokenResponse(body, "wor");
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(token->patient, "pat-1");
  EXPECT_EQ(token->fhir_user, "Practitioner/gp-1");
  auto other = ParseLaunchTokenResponse(body, "someone-else");
  EXPECT_EQ(other.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Cookies, FindsTheSessionCookieAmongOthers) {
  EXPECT_EQ(
      CookieValue("_session=a; __Host-wor-plugin=xyz; b=c", kSessionCookie),
      "xyz");
  EXPECT_EQ(CookieValue("_session=a", kSessionCookie), "");
}

}  // namespace
}  // namespace wor::plugin

namespace wor::plugin {
namespace {

class OneAnswerHttp final : public HttpClient {
 public:
  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    last = request;
    return answer;
  }
  HttpRequest last;
  HttpResponse answer;
};

TEST(SmartToken, TheCodeExchangeAuthenticatesWithBasicOrPost) {
  OneAnswerHttp http;
  http.answer = {.status = 200,
                 .body = R"({"access_token":"at","patient":"p"})"};
  ClientCredentials basic{.client_id = "wor", .client_secret = "s3cret"};
  ASSERT_TRUE(
      ExchangeCode(http, basic, "https://a/token", "c1", "v1", "https://p/cb")
          .ok());
  EXPECT_THAT(http.last.body, HasSubstr("grant_type=authorization_code"));
  EXPECT_THAT(http.last.body, HasSubstr("code_verifier=v1"));
  EXPECT_THAT(http.last.body, ::testing::Not(HasSubstr("s3cret")));
  EXPECT_EQ(http.last.headers.back().first, "Authorization");
  EXPECT_EQ(http.last.headers.back().second, "Basic d29yOnMzY3JldA==");

  ClientCredentials post = basic;
  post.auth_method = "client_secret_post";
  ASSERT_TRUE(
      ExchangeCode(http, post, "https://a/token", "c1", "v1", "https://p/cb")
          .ok());
  EXPECT_THAT(http.last.body, HasSubstr("client_id=wor&client_secret=s3cret"));
}

TEST(SmartToken, ARefusedCodeIsPermissionDenied) {
  OneAnswerHttp http;
  http.answer = {.status = 400, .body = R"({"error":"invalid_grant"})"};
  auto token = ExchangeCode(http, {.client_id = "wor"}, "https://a/token", "c",
                            "v", "https://p/cb");
  EXPECT_EQ(token.status().code(), absl::StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace wor::plugin
