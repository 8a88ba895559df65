#include "server/domain/consent_workflow.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/common/status_macros.h"
#include "server/domain/field_checks.h"
#include "server/domain/identifier_validation.h"
#include "server/domain/referral_access.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/referral_validation.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

absl::Status CheckScopes(const google::protobuf::RepeatedField<int>& scopes,
                         bool allow_empty) {
  if (scopes.empty() && !allow_empty) {
    return FieldError("scopes", "name at least one consent scope");
  }
  for (int i = 0; i < scopes.size(); ++i) {
    if (scopes[i] == wor::v1::CONSENT_SCOPE_UNSPECIFIED ||
        !wor::v1::ConsentScope_IsValid(scopes[i])) {
      return FieldError(absl::StrCat("scopes[", i, "]"),
                        "expected SHARE_WITH_COACH, FEEDBACK_TO_REFERRER, "
                        "MONITORING_PSEUDONYMISED or RESEARCH");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckMethod(wor::v1::ConsentMethod method) {
  if (method == wor::v1::CONSENT_METHOD_UNSPECIFIED ||
      !wor::v1::ConsentMethod_IsValid(method)) {
    return FieldError("method", "expected VERBAL, WRITTEN or DIGITAL");
  }
  return absl::OkStatus();
}

bool HasScope(const wor::v1::ConsentRecord& consent, int scope) {
  return std::find(consent.scopes().begin(), consent.scopes().end(), scope) !=
         consent.scopes().end();
}

struct ScopeText {
  wor::v1::ConsentScope scope;
  const char* nl;
  const char* en;
};

constexpr ScopeText kScopeTexts[] = {
    {wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH,
     "Uw huisarts(praktijk) geeft uw gegevens en uw hulpvraag door aan de "
     "welzijnscoach.",
     "Your GP practice passes your details and your question on to the "
     "welfare coach."},
    {wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER,
     "De welzijnscoach laat uw huisarts weten hoe het gaat (na de intake en "
     "aan het eind).",
     "The welfare coach tells your GP how it is going (after the intake and "
     "at the end)."},
    {wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED,
     "Gegevens zonder uw naam (gepseudonimiseerd) worden gebruikt om Welzijn "
     "op Recept in de regio te volgen.",
     "Data without your name (pseudonymised) is used to monitor Welzijn op "
     "Recept in the region."},
    {wor::v1::CONSENT_SCOPE_RESEARCH,
     "Gegevens zonder uw naam worden gebruikt voor onderzoek naar Welzijn op "
     "Recept.",
     "Data without your name is used for research into Welzijn op Recept."},
};

const char* ScopeLabel(int scope, bool nl) {
  switch (scope) {
    case wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH:
      return nl ? "gegevens naar de welzijnscoach" : "details to the coach";
    case wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER:
      return nl ? "terugkoppeling aan de huisarts" : "feedback to the GP";
    case wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED:
      return nl ? "monitoring zonder naam" : "monitoring without name";
    case wor::v1::CONSENT_SCOPE_RESEARCH:
      return nl ? "onderzoek" : "research";
    default:
      return "?";
  }
}

const char* MethodText(wor::v1::ConsentMethod method, bool nl) {
  switch (method) {
    case wor::v1::CONSENT_METHOD_VERBAL:
      return nl ? "mondeling" : "verbally";
    case wor::v1::CONSENT_METHOD_WRITTEN:
      return nl ? "schriftelijk" : "in writing";
    case wor::v1::CONSENT_METHOD_DIGITAL:
      return nl ? "digitaal" : "digitally";
    default:
      return nl ? "onbekend" : "unknown";
  }
}

}  // namespace

std::string ConsentReceiptText(const wor::v1::Referral& referral,
                               absl::string_view language,
                               absl::TimeZone zone) {
  const bool nl = language != "en";
  const wor::v1::ConsentRecord& consent = referral.consent();
  auto when = [&](const google::protobuf::Timestamp& t) {
    return absl::FormatTime("%d-%m-%Y %H:%M", FromTimestamp(t), zone);
  };
  std::string text = nl ? "Bewijs van toestemming — Welzijn op Recept\n"
                        : "Consent receipt — Welzijn op Recept\n";
  absl::StrAppend(&text, nl ? "Verwijzing: " : "Referral: ", referral.name(),
                  "\n\n");
  absl::StrAppend(&text, nl ? "U heeft nu toestemming gegeven voor:\n"
                            : "You have now given consent for:\n");
  bool any = false;
  for (const ScopeText& s : kScopeTexts) {
    if (!HasScope(consent, s.scope)) continue;
    absl::StrAppend(&text, "  - ", nl ? s.nl : s.en, "\n");
    any = true;
  }
  if (!any) {
    absl::StrAppend(&text,
                    nl ? "  (niets meer: alle toestemming is ingetrokken)\n"
                       : "  (nothing any more: all consent was withdrawn)\n");
  }
  absl::StrAppend(&text, nl ? "\nGeschiedenis:\n" : "\nHistory:\n");
  for (const wor::v1::ConsentChange& change : consent.history()) {
    std::vector<std::string> names;
    for (int scope : change.scopes()) names.push_back(ScopeLabel(scope, nl));
    const bool granted = change.action() == wor::v1::CONSENT_ACTION_GRANTED;
    absl::StrAppend(&text, "  ", when(change.change_time()), "  ",
                    granted ? (nl ? "gegeven" : "given")
                            : (nl ? "ingetrokken" : "withdrawn"),
                    " (", MethodText(change.method(), nl),
                    "): ", absl::StrJoin(names, ", "));
    if (granted && !change.text_version().empty()) {
      absl::StrAppend(
          &text, nl ? "; toestemmingstekst versie " : "; consent text version ",
          change.text_version());
    }
    absl::StrAppend(&text, "\n");
  }
  absl::StrAppend(
      &text,
      nl ? "\nU kunt uw toestemming altijd intrekken, helemaal of voor één "
           "onderdeel, bij uw huisarts of uw welzijnscoach. Delen stopt dan "
           "meteen. Wie uw gegevens heeft ingezien, kunt u opvragen bij de "
           "functionaris gegevensbescherming.\n"
         : "\nYou can always withdraw your consent, entirely or in part, with "
           "your GP or your welfare coach. Sharing then stops at once. You "
           "can ask the data protection officer who has accessed your "
           "data.\n");
  return text;
}

absl::StatusOr<wor::v1::ConsentRecord> ConsentWorkflow::Record(
    const CallContext& call, const wor::v1::RecordConsentRequest& request) {
  WOR_RETURN_IF_ERROR(
      ParseReferralName("referral", request.referral()).status());
  WOR_RETURN_IF_ERROR(CheckScopes(request.scopes(), false));
  if (!IsValidAgbCode(request.obtained_by_agb())) {
    return FieldError("obtained_by_agb", "expected an AGB code of 8 digits");
  }
  WOR_RETURN_IF_ERROR(CheckMethod(request.method()));
  WOR_RETURN_IF_ERROR(CheckText("text_version", request.text_version(),
                                {.required = true, .max_chars = 40}));
  if (request.has_obtain_time() && FromTimestamp(request.obtain_time()) >
                                       clock_->Now() + kAllowedClockSkew) {
    return FieldError("obtain_time", "lies in the future");
  }
  WOR_ASSIGN_OR_RETURN(
      wor::v1::Referral referral,
      mutator_.Apply({call, request, std::nullopt, request.referral(),
                      request.etag(), request.request_id()},
                     [&](wor::v1::Referral& r, absl::Time now) {
                       wor::v1::ConsentRecord& consent = *r.mutable_consent();
                       for (int scope : request.scopes()) {
                         if (!HasScope(consent, scope))
                           consent.add_scopes(
                               static_cast<wor::v1::ConsentScope>(scope));
                       }
                       consent.set_text_version(request.text_version());
                       wor::v1::ConsentChange* change = consent.add_history();
                       *change->mutable_scopes() = request.scopes();
                       change->set_action(wor::v1::CONSENT_ACTION_GRANTED);
                       *change->mutable_change_time() = ToTimestamp(now);
                       change->set_recorded_by(call.caller.user);
                       change->set_obtained_by_agb(request.obtained_by_agb());
                       change->set_method(request.method());
                       change->set_text_version(request.text_version());
                       return absl::OkStatus();
                     }));
  return referral.consent();
}

absl::StatusOr<wor::v1::ConsentRecord> ConsentWorkflow::Get(
    const CallContext& call, const wor::v1::GetConsentRequest& request) {
  WOR_ASSIGN_OR_RETURN(
      wor::v1::Referral referral,
      ReadReferralForCall(audit_, call, "referral", request.referral(),
                          ReadView::kInternal));
  return referral.consent();
}

absl::StatusOr<wor::v1::ConsentRecord> ConsentWorkflow::Revoke(
    const CallContext& call, const wor::v1::RevokeConsentRequest& request) {
  WOR_RETURN_IF_ERROR(
      ParseReferralName("referral", request.referral()).status());
  if (request.all() && !request.scopes().empty()) {
    return FieldError("scopes", "leave empty when `all` is set");
  }
  WOR_RETURN_IF_ERROR(CheckScopes(request.scopes(), request.all()));
  WOR_RETURN_IF_ERROR(CheckMethod(request.method()));
  WOR_ASSIGN_OR_RETURN(
      wor::v1::Referral referral,
      mutator_.Apply({call, request, std::nullopt, request.referral(),
                      request.etag(), request.request_id()},
                     [&](wor::v1::Referral& r, absl::Time now) {
                       wor::v1::ConsentRecord& consent = *r.mutable_consent();
                       google::protobuf::RepeatedField<int> revoked =
                           request.all() ? consent.scopes() : request.scopes();
                       google::protobuf::RepeatedField<int> kept;
                       for (int scope : consent.scopes()) {
                         if (std::find(revoked.begin(), revoked.end(), scope) ==
                             revoked.end()) {
                           kept.Add(scope);
                         }
                       }
                       *consent.mutable_scopes() = kept;
                       wor::v1::ConsentChange* change = consent.add_history();
                       *change->mutable_scopes() = revoked;
                       change->set_action(wor::v1::CONSENT_ACTION_REVOKED);
                       *change->mutable_change_time() = ToTimestamp(now);
                       change->set_recorded_by(call.caller.user);
                       change->set_method(request.method());
                       return absl::OkStatus();
                     }));
  return referral.consent();
}

absl::StatusOr<wor::v1::GetConsentReceiptResponse> ConsentWorkflow::Receipt(
    const CallContext& call, const wor::v1::GetConsentReceiptRequest& request) {
  const std::string language =
      request.language().empty() ? "nl" : request.language();
  if (language != "nl" && language != "en") {
    return FieldError("language", "expected \"nl\" or \"en\"");
  }
  WOR_ASSIGN_OR_RETURN(
      wor::v1::Referral referral,
      ReadReferralForCall(audit_, call, "referral", request.referral(),
                          ReadView::kInternal));
  wor::v1::GetConsentReceiptResponse response;
  response.set_text(ConsentReceiptText(referral, language, zone_));
  response.set_language(language);
  return response;
}

}  // namespace wor::server
