// Where coach feedback is written into the GP's record.
//
// FhirCommunicationSink writes a FHIR R4 Communication (SMART EHRs);
// OpenEmrMessageSink posts to OpenEMR's patient message API (Messages in the
// OpenEMR UI). Both return OK only when the EHR accepted the write (2xx),
// and the FHIR sink is idempotent on the feedback's resource name
// (Communication.identifier, searched before and guarded by If-None-Exist).
#ifndef WOR_PLUGIN_EHR_FEEDBACK_SINK_H_
#define WOR_PLUGIN_EHR_FEEDBACK_SINK_H_

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "plugin/fhir_client.h"
#include "plugin/http_client.h"
#include "plugin/smart_token.h"
#include "wor/v1/feedback.pb.h"

namespace wor::plugin {

// Identifier systems of the resources the plugin writes.
inline constexpr char kFeedbackIdentifierSystem[] =
    "https://welzijnoprecept.nl/fhir/NamingSystem/feedback";
inline constexpr char kReferralIdentifierSystem[] =
    "https://welzijnoprecept.nl/fhir/NamingSystem/referral";
inline constexpr char kKvkSystem[] = "http://fhir.nl/fhir/NamingSystem/kvk";

// One piece of feedback to put into the record.
struct FeedbackDelivery {
  std::string feedback_name;          // referrals/…/feedback/…
  std::string referral_name;          // referrals/…
  std::string ehr_patient_reference;  // the FHIR Patient id (OpenEMR: pid)
  std::string welfare_organisation;   // welfareOrganisations/{kvk}
  wor::v1::FeedbackKind kind = wor::v1::FEEDBACK_KIND_UNSPECIFIED;
  std::string summary;  // empty when withheld
  bool content_withheld = false;
  absl::Time send_time;
};

// The text that goes into the record (Dutch: the record is the Dutch GP's).
std::string FeedbackRecordText(const FeedbackDelivery& delivery);

// The Communication for `delivery`: status completed, subject the patient,
// about the referral (by identifier), sender the welfare organisation (by
// KvK identifier), sent, payload the feedback text, identifier the
// feedback's resource name.
nlohmann::json BuildCommunication(const FeedbackDelivery& delivery);

class EhrFeedbackSink {
 public:
  virtual ~EhrFeedbackSink() = default;
  // OK once the EHR holds the feedback. UNAVAILABLE: try again later.
  virtual absl::Status Deliver(const FeedbackDelivery& delivery) = 0;
};

class FhirCommunicationSink final : public EhrFeedbackSink {
 public:
  FhirCommunicationSink(HttpClient* http, BackendTokenSource* tokens,
                        std::string fhir_base)
      : http_(http), tokens_(tokens), fhir_base_(std::move(fhir_base)) {}
  absl::Status Deliver(const FeedbackDelivery& delivery) override;

 private:
  HttpClient* http_;
  BackendTokenSource* tokens_;
  std::string fhir_base_;
};

// POST {api_base}/patient/{pid}/message (pid looked up from the patient
// uuid with GET {api_base}/patient/{uuid}) with the feedback as the message
// body, addressed to `recipient` (an OpenEMR user name). OpenEMR has no
// identifier on messages, so idempotency rests on the worker's
// acknowledgement (an acknowledged feedback is not written again).
class OpenEmrMessageSink final : public EhrFeedbackSink {
 public:
  OpenEmrMessageSink(HttpClient* http, BackendTokenSource* tokens,
                     std::string api_base, std::string recipient)
      : http_(http),
        tokens_(tokens),
        api_base_(std::move(api_base)),
        recipient_(std::move(recipient)) {}
  absl::Status Deliver(const FeedbackDelivery& delivery) override;

 private:
  HttpClient* http_;
  BackendTokenSource* tokens_;
  std::string api_base_;
  std::string recipient_;
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_EHR_FEEDBACK_SINK_H_
