#include "plugin/plugin_app.h"

#include <algorithm>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "plugin/fhir_client.h"
#include "plugin/json_log.h"
#include "plugin/page_layout.h"
#include "plugin/pkce.h"
#include "plugin/prefill.h"
#include "plugin/referral_page.h"
#include "plugin/referral_request_mapping.h"
#include "plugin/smart_discovery.h"
#include "plugin/smart_token.h"
#include "plugin/status_card.h"
#include "wor/client/feedback_client.h"
#include "wor/client/referral_client.h"
#include "wor/client/referral_form_client.h"

namespace wor::plugin {
namespace {

constexpr char kHtml[] = "text/html; charset=utf-8";

// No script, no framing: the app opens in its own window (its session cookie
// is SameSite=Lax, which a cross-site frame would not send anyway).
void SecurityHeaders(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; "
                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
}

void Redirect(httplib::Response& res, const std::string& location) {
  res.status = 303;
  res.set_header("Location", location);
}

std::string CodeName(const absl::Status& status) {
  return absl::StatusCodeToString(status.code());
}

// "Practitioner/123" from a relative or absolute fhirUser.
std::string RelativeReference(absl::string_view fhir_user) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(fhir_user, '/', absl::SkipEmpty());
  if (parts.size() < 2) return std::string(fhir_user);
  return absl::StrCat(parts[parts.size() - 2], "/", parts.back());
}

bool IsAllowedIss(const std::string& allowed, absl::string_view iss) {
  for (absl::string_view entry :
       absl::StrSplit(allowed, ',', absl::SkipEmpty())) {
    if (absl::StripSuffix(absl::StripAsciiWhitespace(entry), "/") ==
        absl::StripSuffix(iss, "/")) {
      return true;
    }
  }
  return false;
}

FieldValues FormBody(const httplib::Request& req) {
  FieldValues values;
  for (auto& [name, value] : ParseFormBody(req.body)) {
    values.emplace(std::move(name), std::move(value));
  }
  return values;
}

}  // namespace

std::string CookieValue(absl::string_view header, absl::string_view name) {
  for (absl::string_view part : absl::StrSplit(header, ';')) {
    part = absl::StripAsciiWhitespace(part);
    size_t eq = part.find('=');
    if (eq != absl::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return "";
}

PluginApp::PluginApp(const PluginConfig* config, const Clock* clock,
                     HttpClient* ehr, const UserTokenMinter* minter,
                     wor::client::Options wor_options)
    : config_(config),
      clock_(clock),
      ehr_(ehr),
      minter_(minter),
      wor_options_(std::move(wor_options)),
      launch_states_(clock, config->launch_ttl),
      sessions_(clock, config->session_ttl) {}

void PluginApp::Register(httplib::Server& server) {
  server.Get("/launch",
             [this](const auto& req, auto& res) { Launch(req, res); });
  server.Get("/callback",
             [this](const auto& req, auto& res) { Callback(req, res); });
  server.Get("/referral",
             [this](const auto& req, auto& res) { ShowForm(req, res); });
  server.Post("/referral",
              [this](const auto& req, auto& res) { SubmitForm(req, res); });
  server.Get("/status",
             [this](const auto& req, auto& res) { ShowStatus(req, res); });
  server.Get("/healthz", [](const auto&, auto& res) {
    res.set_content("ok\n", "text/plain");
  });
  server.Get("/", [this](const auto& req, auto& res) {
    SendError(res, ErrorKind::kSessionMissing, LangOf(req, nullptr), "root");
    res.status = 200;
  });
}

std::string PluginApp::LangOf(const httplib::Request& req,
                              const Session* session) {
  if (req.has_param("lang")) return NormaliseLang(req.get_param_value("lang"));
  if (session != nullptr) return session->lang;
  return "nl";
}

void PluginApp::SendError(httplib::Response& res, ErrorKind kind,
                          const std::string& lang, absl::string_view reason) {
  LogEvent("request_refused",
           {{"kind", ErrorKindName(kind)}, {"reason", std::string(reason)}});
  SecurityHeaders(res);
  res.status = HttpStatusFor(kind);
  res.set_content(RenderErrorPage(kind, lang), kHtml);
}

void PluginApp::SendServerError(httplib::Response& res,
                                const absl::Status& status,
                                const std::string& lang) {
  switch (status.code()) {
    case absl::StatusCode::kUnauthenticated:
    case absl::StatusCode::kPermissionDenied:
      SendError(res, ErrorKind::kServerRefused, lang, CodeName(status));
      return;
    default:
      SendError(res, ErrorKind::kServerUnavailable, lang, CodeName(status));
  }
}

wor::client::Options PluginApp::OptionsFor(const Session& session) const {
  wor::client::Options options = wor_options_;
  const std::string subject = session.practitioner_agb.empty()
                                  ? session.fhir_user
                                  : "agb-z:" + session.practitioner_agb;
  options.token_provider =
      wor::client::FixedToken(minter_->Mint(subject, config_->user_role));
  return options;
}

std::optional<std::pair<std::string, Session>> PluginApp::RequireSession(
    const httplib::Request& req, httplib::Response& res) {
  const std::string id =
      CookieValue(req.get_header_value("Cookie"), kSessionCookie);
  std::optional<Session> session;
  if (!id.empty()) session = sessions_.Get(id);
  if (!session.has_value()) {
    SendError(res, ErrorKind::kSessionMissing, LangOf(req, nullptr),
              id.empty() ? "no_cookie" : "unknown_session");
    return std::nullopt;
  }
  if (req.has_param("lang")) {
    session->lang = NormaliseLang(req.get_param_value("lang"));
    sessions_.SetLanguage(id, session->lang);
  }
  return std::make_pair(id, std::move(*session));
}

void PluginApp::Launch(const httplib::Request& req, httplib::Response& res) {
  const std::string lang = LangOf(req, nullptr);
  const std::string iss = req.get_param_value("iss");
  const std::string launch = req.get_param_value("launch");
  if (iss.empty() || launch.empty()) {
    SendError(res, ErrorKind::kLaunchInvalid, lang, "missing_iss_or_launch");
    return;
  }
  if (!IsAllowedIss(config_->allowed_iss, iss)) {
    SendError(res, ErrorKind::kLaunchInvalid, lang, "iss_not_allowed");
    return;
  }
  absl::StatusOr<SmartConfiguration> smart =
      DiscoverSmartConfiguration(*ehr_, iss);
  if (!smart.ok()) {
    SendError(res, ErrorKind::kEhrUnreachable, lang,
              absl::StrCat("discovery_", CodeName(smart.status())));
    return;
  }
  const std::string verifier = NewCodeVerifier();
  const std::string state =
      launch_states_.Put({.iss = iss,
                          .code_verifier = verifier,
                          .token_endpoint = smart->token_endpoint,
                          .issuer = smart->issuer,
                          .lang = lang});
  LogEvent("launch_started", {});
  SecurityHeaders(res);
  Redirect(res, AuthorizeUrl(*smart,
                             {.client_id = config_->client_id,
                              .redirect_uri = public_base_url_ + "/callback",
                              .scope = config_->scope,
                              .state = state,
                              .aud = iss,
                              .launch = launch,
                              .code_challenge = CodeChallengeS256(verifier)}));
}

void PluginApp::Callback(const httplib::Request& req, httplib::Response& res) {
  std::string lang = LangOf(req, nullptr);
  absl::StatusOr<PendingLaunch> pending =
      launch_states_.Take(req.get_param_value("state"));
  if (!pending.ok()) {
    SendError(res, ErrorKind::kStateInvalid, lang,
              absl::StrCat("state_", CodeName(pending.status())));
    return;
  }
  lang = pending->lang;
  if (req.has_param("error") || req.get_param_value("code").empty()) {
    SendError(res, ErrorKind::kAuthorisationDenied, lang, "authorize_error");
    return;
  }
  // RFC 9207: the authorisation server names itself; a different one is a
  // mix-up.
  if (req.has_param("iss") && !pending->issuer.empty() &&
      req.get_param_value("iss") != pending->issuer) {
    SendError(res, ErrorKind::kAuthorisationDenied, lang, "issuer_mismatch");
    return;
  }
  absl::StatusOr<LaunchToken> token =
      ExchangeCode(*ehr_,
                   {.client_id = config_->client_id,
                    .client_secret = config_->client_secret,
                    .auth_method = config_->client_auth_method},
                   pending->token_endpoint, req.get_param_value("code"),
                   pending->code_verifier, public_base_url_ + "/callback");
  if (!token.ok()) {
    SendError(res,
              token.status().code() == absl::StatusCode::kUnavailable
                  ? ErrorKind::kEhrUnreachable
                  : ErrorKind::kAuthorisationDenied,
              lang, absl::StrCat("token_", CodeName(token.status())));
    return;
  }
  if (token->patient.empty()) {
    SendError(res, ErrorKind::kNoPatientContext, lang, "no_patient");
    return;
  }
  if (token->fhir_user.empty()) {
    SendError(res, ErrorKind::kNoUserContext, lang, "no_fhir_user");
    return;
  }
  FhirClient fhir(ehr_);
  absl::StatusOr<nlohmann::json> patient =
      fhir.Read(pending->iss, "Patient/" + token->patient, token->access_token);
  absl::StatusOr<nlohmann::json> practitioner = fhir.Read(
      pending->iss, RelativeReference(token->fhir_user), token->access_token);
  if (!patient.ok() || !practitioner.ok()) {
    SendError(
        res, ErrorKind::kEhrUnreachable, lang,
        absl::StrCat("fhir_read_", CodeName(patient.ok() ? practitioner.status()
                                                         : patient.status())));
    return;
  }
  Session session;
  session.fhir_base = pending->iss;
  session.access_token = token->access_token;
  session.patient_id = token->patient;
  session.fhir_user = RelativeReference(token->fhir_user);
  session.practitioner_agb = IdentifierValue(*practitioner, kAgbSystem);
  session.lang = lang;
  session.prefill = PrefillFromPatient(*patient);
  session.prefill.merge(PrefillFromPractitioner(*practitioner));
  const std::string id = sessions_.Create(std::move(session));
  LogEvent("launch_completed", {});
  SecurityHeaders(res);
  res.set_header("Set-Cookie",
                 absl::StrCat(kSessionCookie, "=", id,
                              "; Path=/; HttpOnly; Secure; SameSite=Lax"));
  Redirect(res, "/referral?lang=" + lang);
}

void PluginApp::ShowForm(const httplib::Request& req, httplib::Response& res) {
  auto session = RequireSession(req, res);
  if (!session) return;
  const std::string& lang = session->second.lang;
  wor::client::ReferralFormClient forms(
      wor::client::MakeReferralFormConnection(OptionsFor(session->second)));
  absl::StatusOr<wor::v1::ReferralForm> form = forms.GetReferralForm({});
  if (!form.ok()) {
    SendServerError(res, form.status(), lang);
    return;
  }
  FieldValues values = session->second.prefill;
  values.emplace("referrer.practice_agb", config_->practice_agb);
  values.emplace("referrer.role", "REFERRER_ROLE_" + config_->user_role);
  const std::string nonce = sessions_.NewFormNonce(session->first);
  SecurityHeaders(res);
  res.set_content(
      RenderReferralPage(
          {.form = *form, .values = values, .lang = lang, .nonce = nonce}),
      kHtml);
}

void PluginApp::SubmitForm(const httplib::Request& req,
                           httplib::Response& res) {
  auto session = RequireSession(req, res);
  if (!session) return;
  const std::string& lang = session->second.lang;
  FieldValues submitted = FormBody(req);
  auto nonce_it = submitted.find("form_nonce");
  const std::string nonce = nonce_it == submitted.end() ? "" : nonce_it->second;
  std::optional<absl::Time> consent_time =
      sessions_.SubmitTimeOf(session->first, nonce);
  if (!consent_time.has_value()) {
    SendError(res, ErrorKind::kFormExpired, lang, "unknown_form_nonce");
    return;
  }
  const wor::client::Options options = OptionsFor(session->second);
  wor::client::ReferralFormClient forms(
      wor::client::MakeReferralFormConnection(options));
  absl::StatusOr<wor::v1::ReferralForm> form = forms.GetReferralForm({});
  if (!form.ok()) {
    SendServerError(res, form.status(), lang);
    return;
  }
  absl::StatusOr<wor::v1::CreateReferralRequest> request =
      BuildCreateReferralRequest(
          *form, submitted,
          {.ehr_patient_reference = session->second.patient_id,
           .consent_time = *consent_time,
           .form_nonce = nonce});
  if (!request.ok()) {
    SendServerError(res, request.status(), lang);
    return;
  }
  wor::client::ReferralClient referrals(
      wor::client::MakeReferralConnection(options));
  absl::StatusOr<wor::v1::Referral> created =
      referrals.CreateReferral(*request);
  if (!created.ok()) {
    const absl::StatusCode code = created.status().code();
    if (code == absl::StatusCode::kInvalidArgument ||
        code == absl::StatusCode::kFailedPrecondition ||
        code == absl::StatusCode::kAlreadyExists) {
      FieldError error = FieldErrorFromStatus(created.status());
      LogEvent("referral_refused",
               {{"code", CodeName(created.status())}, {"field", error.field}});
      SecurityHeaders(res);
      res.status = 422;
      res.set_content(RenderReferralPage({.form = *form,
                                          .values = submitted,
                                          .lang = lang,
                                          .nonce = nonce,
                                          .errors = {error}}),
                      kHtml);
      return;
    }
    SendServerError(res, created.status(), lang);
    return;
  }
  LogEvent("referral_created", {{"referral", created->name()}});
  SecurityHeaders(res);
  Redirect(res, absl::StrCat("/status?lang=", lang,
                             "&created=", UrlEncode(created->name())));
}

void PluginApp::ShowStatus(const httplib::Request& req,
                           httplib::Response& res) {
  auto session = RequireSession(req, res);
  if (!session) return;
  const std::string& lang = session->second.lang;
  const wor::client::Options options = OptionsFor(session->second);
  wor::client::ReferralClient referrals(
      wor::client::MakeReferralConnection(options));
  wor::client::FeedbackClient feedback(
      wor::client::MakeFeedbackConnection(options));
  StatusCardInput input{.lang = lang};
  wor::v1::ListReferralsRequest list;
  list.set_practice_agb(config_->practice_agb);
  // Only this patient's: the server neither returns nor logs the others.
  list.set_ehr_patient_reference(session->second.patient_id);
  for (absl::StatusOr<wor::v1::Referral>& referral :
       referrals.ListReferrals(list)) {
    if (!referral.ok()) {
      SendServerError(res, referral.status(), lang);
      return;
    }
    ReferralWithFeedback item{.referral = std::move(*referral)};
    wor::v1::ListFeedbackRequest feedback_list;
    feedback_list.set_parent(item.referral.name());
    for (absl::StatusOr<wor::v1::Feedback>& f :
         feedback.ListFeedback(feedback_list)) {
      if (!f.ok()) {
        item.feedback_unavailable = true;
        break;
      }
      item.feedback.push_back(std::move(*f));
    }
    input.referrals.push_back(std::move(item));
  }
  std::reverse(input.referrals.begin(), input.referrals.end());  // newest first
  input.just_created = req.get_param_value("created");
  if (!input.just_created.empty()) {
    input.notice = Tr(lang, {"De verwijzing is verstuurd naar de "
                             "welzijnsorganisatie.",
                             "The referral was sent to the welfare "
                             "organisation."});
  }
  SecurityHeaders(res);
  res.set_content(RenderStatusCard(input), kHtml);
}

}  // namespace wor::plugin
