// Splitting records into public and sealed personal parts; see
// personal_data_sealer.h.
#include "server/store/personal_data_sealer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/crypto/aes_gcm.h"

namespace wor::server {
namespace {

bool HasPersonalData(const wor::v1::Referral& referral) {
  return referral.has_patient() || !referral.patient_question().empty();
}

// The referral's personal fields, alone.
wor::v1::Referral PersonalPart(const wor::v1::Referral& referral) {
  wor::v1::Referral personal;
  if (referral.has_patient()) *personal.mutable_patient() = referral.patient();
  personal.set_patient_question(referral.patient_question());
  return personal;
}

void ClearPersonalFields(wor::v1::Referral& referral) {
  referral.clear_patient();
  referral.clear_patient_question();
}

absl::Status Missing(absl::string_view what) {
  return absl::DataLossError(absl::StrCat(
      "the personal data of ", what,
      " is missing from storage; restore the database from a backup"));
}

absl::Status Unreadable(absl::string_view what) {
  return absl::DataLossError(
      absl::StrCat("the personal data of ", what,
                   " cannot be read; restore the database from a backup"));
}

}  // namespace

absl::StatusOr<std::string> PersonalDataSealer::Seal(
    const std::string& patient_pseudonym, absl::string_view plaintext,
    absl::string_view associated_data) {
  WOR_ASSIGN_OR_RETURN(std::string key,
                       keyring_.KeyForWriting(patient_pseudonym));
  return crypto::AesGcmSeal(key, plaintext, associated_data);
}

absl::StatusOr<std::optional<std::string>> PersonalDataSealer::Open(
    const std::string& patient_pseudonym, absl::string_view box,
    absl::string_view associated_data, absl::string_view what) {
  WOR_ASSIGN_OR_RETURN(std::optional<std::string> key,
                       keyring_.KeyForReading(patient_pseudonym));
  if (!key.has_value()) return std::nullopt;
  absl::StatusOr<std::string> plaintext =
      crypto::AesGcmOpen(*key, box, associated_data);
  if (absl::IsDataLoss(plaintext.status())) {
    return absl::DataLossError(absl::StrCat(
        "the personal data of ", what,
        " fails its integrity check: it was altered or moved; restore the "
        "database from a backup"));
  }
  if (!plaintext.ok()) return plaintext.status();
  return *std::move(plaintext);
}

absl::StatusOr<SealedMessage<wor::v1::Referral>>
PersonalDataSealer::SealReferralParts(const wor::v1::Referral& referral,
                                      absl::string_view associated_data,
                                      absl::string_view what) {
  SealedMessage<wor::v1::Referral> sealed{referral, ""};
  if (referral.personal_data_erased()) {
    if (HasPersonalData(referral)) {
      return absl::InvalidArgumentError(absl::StrCat(
          what, " is marked erased but still holds personal data"));
    }
    return sealed;
  }
  if (referral.patient_pseudonym().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what,
                     " has no patient pseudonym; it is needed to encrypt the "
                     "patient's data"));
  }
  ClearPersonalFields(sealed.public_part);
  WOR_ASSIGN_OR_RETURN(
      sealed.personal,
      Seal(referral.patient_pseudonym(),
           PersonalPart(referral).SerializeAsString(), associated_data));
  return sealed;
}

absl::StatusOr<wor::v1::Referral> PersonalDataSealer::OpenReferralParts(
    SealedMessage<wor::v1::Referral> sealed, absl::string_view associated_data,
    absl::string_view what) {
  wor::v1::Referral& referral = sealed.public_part;
  if (referral.personal_data_erased()) return std::move(referral);
  if (sealed.personal.empty()) return Missing(what);
  WOR_ASSIGN_OR_RETURN(std::optional<std::string> plaintext,
                       Open(referral.patient_pseudonym(), sealed.personal,
                            associated_data, what));
  if (!plaintext.has_value()) {
    ClearPersonalFields(referral);
    referral.set_personal_data_erased(true);
    return std::move(referral);
  }
  wor::v1::Referral personal;
  if (!personal.ParseFromString(*plaintext)) return Unreadable(what);
  referral.MergeFrom(personal);
  return std::move(referral);
}

absl::StatusOr<SealedMessage<wor::v1::Referral>>
PersonalDataSealer::SealReferral(const std::string& id,
                                 const wor::v1::Referral& referral) {
  return SealReferralParts(referral, id, absl::StrCat("referral ", id));
}

absl::StatusOr<wor::v1::Referral> PersonalDataSealer::OpenReferral(
    const std::string& id, SealedMessage<wor::v1::Referral> sealed) {
  return OpenReferralParts(std::move(sealed), id,
                           absl::StrCat("referral ", id));
}

absl::StatusOr<SealedMessage<wor::v1::Feedback>>
PersonalDataSealer::SealFeedback(const std::string& referral_id,
                                 const std::string& feedback_id,
                                 const std::string& patient_pseudonym,
                                 const wor::v1::Feedback& feedback) {
  SealedMessage<wor::v1::Feedback> sealed{feedback, ""};
  if (feedback.content_withheld() && feedback.summary().empty()) {
    return sealed;  // already the erased view: nothing personal to keep
  }
  sealed.public_part.clear_summary();
  wor::v1::Feedback personal;
  personal.set_summary(feedback.summary());
  WOR_ASSIGN_OR_RETURN(sealed.personal,
                       Seal(patient_pseudonym, personal.SerializeAsString(),
                            absl::StrCat(referral_id, "/", feedback_id)));
  return sealed;
}

absl::StatusOr<wor::v1::Feedback> PersonalDataSealer::OpenFeedback(
    const std::string& referral_id, const std::string& feedback_id,
    const std::string& patient_pseudonym,
    SealedMessage<wor::v1::Feedback> sealed) {
  wor::v1::Feedback& feedback = sealed.public_part;
  const std::string what =
      absl::StrCat("feedback ", feedback_id, " of referral ", referral_id);
  if (sealed.personal.empty()) {
    if (feedback.content_withheld()) return std::move(feedback);
    return Missing(what);
  }
  WOR_ASSIGN_OR_RETURN(std::optional<std::string> plaintext,
                       Open(patient_pseudonym, sealed.personal,
                            absl::StrCat(referral_id, "/", feedback_id), what));
  if (!plaintext.has_value()) {
    feedback.clear_summary();
    feedback.set_content_withheld(true);
    return std::move(feedback);
  }
  wor::v1::Feedback personal;
  if (!personal.ParseFromString(*plaintext)) return Unreadable(what);
  feedback.MergeFrom(personal);
  return std::move(feedback);
}

absl::StatusOr<SealedMessage<wor::v1::ReferralEvent>>
PersonalDataSealer::SealEvent(int64_t sequence,
                              const wor::v1::ReferralEvent& event) {
  SealedMessage<wor::v1::ReferralEvent> sealed{event, ""};
  if (!event.has_referral()) return sealed;
  WOR_ASSIGN_OR_RETURN(
      SealedMessage<wor::v1::Referral> referral,
      SealReferralParts(event.referral(), absl::StrCat("event:", sequence),
                        absl::StrCat("the referral of event ", sequence)));
  *sealed.public_part.mutable_referral() = std::move(referral.public_part);
  sealed.personal = std::move(referral.personal);
  return sealed;
}

absl::StatusOr<wor::v1::ReferralEvent> PersonalDataSealer::OpenEvent(
    int64_t sequence, SealedMessage<wor::v1::ReferralEvent> sealed) {
  wor::v1::ReferralEvent& event = sealed.public_part;
  if (!event.has_referral()) return std::move(event);
  SealedMessage<wor::v1::Referral> referral{
      std::move(*event.mutable_referral()), std::move(sealed.personal)};
  WOR_ASSIGN_OR_RETURN(
      *event.mutable_referral(),
      OpenReferralParts(std::move(referral), absl::StrCat("event:", sequence),
                        absl::StrCat("the referral of event ", sequence)));
  return std::move(event);
}

absl::StatusOr<std::string> PersonalDataSealer::SealIdempotencyResult(
    const std::string& request_id, const IdempotencyRecord& record) {
  if (record.patient_pseudonym.empty()) return record.result;
  return Seal(record.patient_pseudonym, record.result,
              absl::StrCat("idempotency:", request_id));
}

absl::StatusOr<IdempotencyRecord> PersonalDataSealer::OpenIdempotencyRecord(
    const std::string& request_id, IdempotencyRecord stored) {
  if (stored.patient_pseudonym.empty()) return stored;
  WOR_ASSIGN_OR_RETURN(
      std::optional<std::string> result,
      Open(stored.patient_pseudonym, stored.result,
           absl::StrCat("idempotency:", request_id),
           absl::StrCat("the result of request ", request_id)));
  stored.result = result.value_or("");
  return stored;
}

}  // namespace wor::server
