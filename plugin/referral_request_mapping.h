// From the submitted referral form to CreateReferralRequest, and from the
// server's refusal back to the form field it names.
//
// The mapping is generic: each question of the server's ReferralForm names
// the Referral field it fills as a dotted path, and the value is put there
// through protobuf reflection (strings as they are, enum values by name,
// dates from YYYY-MM-DD). The plugin checks nothing itself: an empty or
// unreadable answer is left unset, and the server says what is wrong.
//
//   absl::StatusOr<wor::v1::CreateReferralRequest> request =
//       BuildCreateReferralRequest(form, submitted, context);
#ifndef WOR_PLUGIN_REFERRAL_REQUEST_MAPPING_H_
#define WOR_PLUGIN_REFERRAL_REQUEST_MAPPING_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "plugin/session_store.h"
#include "wor/v1/referral_form.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::plugin {

// What the launch, not the GP, fills in.
struct ReferralContext {
  std::string ehr_patient_reference;  // the FHIR Patient id in context
  absl::Time consent_time;            // the first submit of this form
  std::string form_nonce;             // one per rendered form
};

// The question of the form that fills `field`, if any.
const wor::v1::FormQuestion* FindQuestion(const wor::v1::ReferralForm& form,
                                          absl::string_view field);

// Questions the plugin answers from the launch instead of asking: the route
// (this is the EHR plugin).
bool IsAnsweredByPlugin(const wor::v1::FormQuestion& question);

// Builds the request: route EHR_PLUGIN, the EHR's patient reference, the
// consent time, and request_id derived from the form nonce (so a repeated
// submit of the same form is the same request). INTERNAL only when the form
// names a field the Referral message does not have (a server/plugin version
// mismatch).
absl::StatusOr<wor::v1::CreateReferralRequest> BuildCreateReferralRequest(
    const wor::v1::ReferralForm& form, const FieldValues& submitted,
    const ReferralContext& context);

// "plugin-" and 32 hex digits of SHA-256 over the nonce.
std::string RequestIdForNonce(absl::string_view nonce);

// A refusal of the server, placed on the form.
struct FieldError {
  std::string field;     // the form's field path; empty when not a field
  std::string message;   // the server's words after the field name
  bool refusal = false;  // FAILED_PRECONDITION: well-formed but not allowed
};

// Reads "referral.patient.phone: expected …" (the server's message format,
// server/domain/field_checks.cc) into field "patient.phone". Indexes
// ("indicators[2]") are dropped to name the question.
FieldError FieldErrorFromStatus(const absl::Status& status);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_REFERRAL_REQUEST_MAPPING_H_
