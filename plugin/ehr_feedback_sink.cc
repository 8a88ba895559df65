#include "plugin/ehr_feedback_sink.h"

#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace wor::plugin {
namespace {

const char* KindText(wor::v1::FeedbackKind kind) {
  switch (kind) {
    case wor::v1::FEEDBACK_KIND_AFTER_INTAKE:
      return "na de intake";
    case wor::v1::FEEDBACK_KIND_AT_CLOSING:
      return "bij afronding";
    case wor::v1::FEEDBACK_KIND_INTERIM:
      return "tussentijds";
    default:
      return "";
  }
}

std::string Kvk(const std::string& welfare_organisation) {
  return std::string(
      absl::StripPrefix(welfare_organisation, "welfareOrganisations/"));
}

}  // namespace

std::string FeedbackRecordText(const FeedbackDelivery& delivery) {
  std::string heading = absl::StrCat("Terugkoppeling Welzijn op Recept ",
                                     KindText(delivery.kind));
  heading = std::string(absl::StripTrailingAsciiWhitespace(heading));
  if (delivery.content_withheld) {
    return absl::StrCat(heading,
                        ": de welzijnscoach heeft teruggekoppeld, maar de "
                        "patiënt geeft (nog) geen toestemming om de inhoud "
                        "met de verwijzer te delen.");
  }
  return absl::StrCat(heading, ":\n", delivery.summary);
}

nlohmann::json BuildCommunication(const FeedbackDelivery& delivery) {
  nlohmann::json communication = {
      {"resourceType", "Communication"},
      {"identifier",
       {{{"system", kFeedbackIdentifierSystem},
         {"value", delivery.feedback_name}}}},
      {"status", "completed"},
      {"category", {{{"text", "Welzijn op Recept terugkoppeling"}}}},
      {"subject",
       {{"reference",
         absl::StrCat("Patient/", delivery.ehr_patient_reference)}}},
      {"about",
       {{{"identifier",
          {{"system", kReferralIdentifierSystem},
           {"value", delivery.referral_name}}},
         {"display", "Verwijzing Welzijn op Recept"}}}},
      {"sender",
       {{"identifier",
         {{"system", kKvkSystem},
          {"value", Kvk(delivery.welfare_organisation)}}},
        {"display", "Welzijnsorganisatie (Welzijn op Recept)"}}},
      {"sent", absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", delivery.send_time,
                                absl::UTCTimeZone())},
      {"payload", {{{"contentString", FeedbackRecordText(delivery)}}}},
  };
  return communication;
}

absl::Status FhirCommunicationSink::Deliver(const FeedbackDelivery& delivery) {
  absl::StatusOr<std::string> token = tokens_->Token();
  if (!token.ok()) {
    return absl::UnavailableError(absl::StrCat("no backend token for the EHR: ",
                                               token.status().message()));
  }
  const std::string condition =
      absl::StrCat("identifier=", UrlEncode(kFeedbackIdentifierSystem), "|",
                   UrlEncode(delivery.feedback_name));
  // Search first: not every EHR honours If-None-Exist.
  absl::StatusOr<HttpResponse> search = http_->Send(
      {.method = "GET",
       .url = absl::StrCat(absl::StripSuffix(fhir_base_, "/"),
                           "/Communication?", condition),
       .headers = {{"Accept", "application/fhir+json"},
                   {"Authorization", absl::StrCat("Bearer ", *token)}}});
  if (!search.ok()) return search.status();
  if (absl::Status s =
          StatusFromHttp(search->status, "searching Communication");
      !s.ok()) {
    return s;
  }
  nlohmann::json bundle = nlohmann::json::parse(search->body, nullptr, false);
  if (bundle.is_object() && bundle.contains("entry") &&
      bundle["entry"].is_array() && !bundle["entry"].empty()) {
    return absl::OkStatus();  // already in the record
  }
  FhirClient fhir(http_);
  absl::StatusOr<int> created = fhir.CreateIfNoneExist(
      fhir_base_, BuildCommunication(delivery), condition, *token);
  return created.status();
}

absl::Status OpenEmrMessageSink::Deliver(const FeedbackDelivery& delivery) {
  absl::StatusOr<std::string> token = tokens_->Token();
  if (!token.ok()) {
    return absl::UnavailableError(absl::StrCat("no backend token for OpenEMR: ",
                                               token.status().message()));
  }
  const std::string base(absl::StripSuffix(api_base_, "/"));
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Accept", "application/json"},
      {"Authorization", absl::StrCat("Bearer ", *token)}};
  // The launch gives the FHIR Patient id (OpenEMR's patient uuid); the
  // message API wants the pid, which the patient API returns.
  absl::StatusOr<HttpResponse> patient = http_->Send(
      {.method = "GET",
       .url = absl::StrCat(base, "/patient/",
                           UrlEncode(delivery.ehr_patient_reference)),
       .headers = headers});
  if (!patient.ok()) return patient.status();
  if (absl::Status s = StatusFromHttp(patient->status, "reading the patient");
      !s.ok()) {
    return s;
  }
  nlohmann::json found = nlohmann::json::parse(patient->body, nullptr, false);
  std::string pid;
  if (found.is_object() && found.contains("data") &&
      found["data"].is_object() && found["data"].contains("pid")) {
    const nlohmann::json& value = found["data"]["pid"];
    pid = value.is_string() ? value.get<std::string>() : value.dump();
  }
  if (pid.empty()) {
    return absl::FailedPreconditionError("OpenEMR returned no pid");
  }
  nlohmann::json message = {
      {"body", FeedbackRecordText(delivery)}, {"groupname", "Default"},
      {"from", "Welzijn op Recept"},          {"to", recipient_},
      {"title", "Welzijn op Recept"},         {"message_status", "New"},
  };
  absl::StatusOr<HttpResponse> response = http_->Send(
      {.method = "POST",
       .url = absl::StrCat(base, "/patient/", UrlEncode(pid), "/message"),
       .headers = headers,
       .body = message.dump(),
       .content_type = "application/json"});
  if (!response.ok()) return response.status();
  return StatusFromHttp(response->status, "posting an OpenEMR message");
}

}  // namespace wor::plugin
