// PluginApp: the plugin's HTTP routes.
//
//   GET  /launch?iss=…&launch=…  EHR launch: discovery, then to authorize
//   GET  /callback?code=…&state=…  token exchange, session, to the form
//   GET  /referral               the referral form (prefilled)
//   POST /referral               CreateReferral; errors on the form
//   GET  /status                 the status card of the patient in context
//   GET  /healthz                liveness
//
// Every page takes ?lang=en (Dutch otherwise; remembered in the session).
// The app holds no rule of the referral process: questions, texts,
// validation, states and deadlines all come from wor-server, reached only
// through the C++ SDK with a user token minted for the GP of the launch.
// Thread-safe (httplib calls handlers from several threads).
#ifndef WOR_PLUGIN_PLUGIN_APP_H_
#define WOR_PLUGIN_PLUGIN_APP_H_

#include <httplib.h>

#include <optional>
#include <string>

#include "plugin/clock.h"
#include "plugin/config.h"
#include "plugin/error_page.h"
#include "plugin/http_client.h"
#include "plugin/launch_state_store.h"
#include "plugin/session_store.h"
#include "plugin/user_token_minter.h"
#include "wor/client/options.h"

namespace wor::plugin {

// The session cookie. `__Host-` binds it to this origin over HTTPS; the
// name differs from the EHR's own cookies (oidc-provider uses _session,
// _interaction), which share the host when both run on one machine.
inline constexpr char kSessionCookie[] = "__Host-wor-plugin";

class PluginApp {
 public:
  // `wor_options` carries the channel to wor-server (mutual TLS as the
  // practice); the app adds the user's token per request.
  PluginApp(const PluginConfig* config, const Clock* clock, HttpClient* ehr,
            const UserTokenMinter* minter, wor::client::Options wor_options);

  void Register(httplib::Server& server);

  // https://host:port, for the redirect URI; set once the port is known.
  void SetPublicBaseUrl(std::string url) { public_base_url_ = std::move(url); }

 private:
  void Launch(const httplib::Request& req, httplib::Response& res);
  void Callback(const httplib::Request& req, httplib::Response& res);
  void ShowForm(const httplib::Request& req, httplib::Response& res);
  void SubmitForm(const httplib::Request& req, httplib::Response& res);
  void ShowStatus(const httplib::Request& req, httplib::Response& res);

  // The session of the request's cookie, else an error page is set.
  std::optional<std::pair<std::string, Session>> RequireSession(
      const httplib::Request& req, httplib::Response& res);
  // The page language: ?lang, else the session's, else Dutch.
  std::string LangOf(const httplib::Request& req, const Session* session);
  wor::client::Options OptionsFor(const Session& session) const;
  void SendError(httplib::Response& res, ErrorKind kind,
                 const std::string& lang, absl::string_view reason);
  void SendServerError(httplib::Response& res, const absl::Status& status,
                       const std::string& lang);

  const PluginConfig* config_;
  const Clock* clock_;
  HttpClient* ehr_;
  const UserTokenMinter* minter_;
  wor::client::Options wor_options_;
  std::string public_base_url_;
  LaunchStateStore launch_states_;
  SessionStore sessions_;
};

// The cookie value of `name` in a Cookie header, or "".
std::string CookieValue(absl::string_view header, absl::string_view name);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_PLUGIN_APP_H_
