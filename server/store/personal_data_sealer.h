// Encryption at rest of patients' personal data, shared by every Store
// implementation so that they seal, open and report erasure identically.
//
// A record is split into a public part, kept in clear (codes, states, dates,
// organisations: what lists filter and counts use), and a personal part,
// sealed with AES-256-GCM under the patient's data key from the
// PatientKeyring. The associated data binds each box to its row, so a box
// copied to another row does not open.
//
//   record              personal part                  associated data
//   referral            `patient`, `patient_question`  the referral id
//   feedback            `summary` "{referral_id}/{feedback_id}" event its
//   referral's personal part   "event:{sequence}" idempotency result  the whole
//   result (when the     "idempotency:{request_id}"
//                       record names a patient)
//
// Erasure is `PatientKeyring::Destroy`: afterwards the boxes cannot be opened
// and reads return the erased view — a referral without its personal fields
// and `personal_data_erased` set; feedback without `summary` and
// `content_withheld` set; an idempotency record with an empty `result`. A
// record that already carries that mark is stored without a box, so the
// domain can keep updating (e.g. closing) an erased referral. A box that does
// not open for any other reason was altered: DATA_LOSS.
//
//   PersonalDataSealer sealer(keyring);
//   WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::Referral> sealed,
//                        sealer.SealReferral(id, referral));
//   ... store sealed.public_part and sealed.personal ...
//   WOR_ASSIGN_OR_RETURN(wor::v1::Referral read,
//                        sealer.OpenReferral(id, std::move(sealed)));
//
// Thread-safe when the keyring is (every PatientKeyring is).
#ifndef WOR_SERVER_STORE_PERSONAL_DATA_SEALER_H_
#define WOR_SERVER_STORE_PERSONAL_DATA_SEALER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/store/patient_keyring.h"
#include "server/store/store.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

// A message as a store keeps it: the public part (personal fields cleared)
// and the sealed personal part. `personal` is empty when there is nothing to
// seal: the record holds no patient's data (an event without a referral) or
// is already marked erased.
template <typename Message>
struct SealedMessage {
  Message public_part;
  std::string personal;
};

class PersonalDataSealer {
 public:
  // `keyring` must outlive the sealer.
  explicit PersonalDataSealer(PatientKeyring& keyring) : keyring_(keyring) {}

  // INVALID_ARGUMENT when the referral has no patient pseudonym, or is marked
  // erased but still holds personal data. FAILED_PRECONDITION when the
  // patient's key was destroyed.
  absl::StatusOr<SealedMessage<wor::v1::Referral>> SealReferral(
      const std::string& id, const wor::v1::Referral& referral);
  absl::StatusOr<wor::v1::Referral> OpenReferral(
      const std::string& id, SealedMessage<wor::v1::Referral> sealed);

  // The feedback of a referral whose patient has `patient_pseudonym`.
  absl::StatusOr<SealedMessage<wor::v1::Feedback>> SealFeedback(
      const std::string& referral_id, const std::string& feedback_id,
      const std::string& patient_pseudonym, const wor::v1::Feedback& feedback);
  absl::StatusOr<wor::v1::Feedback> OpenFeedback(
      const std::string& referral_id, const std::string& feedback_id,
      const std::string& patient_pseudonym,
      SealedMessage<wor::v1::Feedback> sealed);

  // The event at outbox position `sequence`. An event's referral follows
  // the rules of SealReferral.
  absl::StatusOr<SealedMessage<wor::v1::ReferralEvent>> SealEvent(
      int64_t sequence, const wor::v1::ReferralEvent& event);
  absl::StatusOr<wor::v1::ReferralEvent> OpenEvent(
      int64_t sequence, SealedMessage<wor::v1::ReferralEvent> sealed);

  // Makes the keys of everything sealed so far durable; a store calls it
  // before committing what it sealed (see PatientKeyring::CommitNewKeys).
  absl::Status CommitNewKeys() { return keyring_.CommitNewKeys(); }

  // The `result` to store for `record` (sealed when it names a patient).
  absl::StatusOr<std::string> SealIdempotencyResult(
      const std::string& request_id, const IdempotencyRecord& record);
  // `stored` with its result opened; empty when the patient's data was
  // erased.
  absl::StatusOr<IdempotencyRecord> OpenIdempotencyRecord(
      const std::string& request_id, IdempotencyRecord stored);

 private:
  // A box of `plaintext` under the patient's key.
  absl::StatusOr<std::string> Seal(const std::string& patient_pseudonym,
                                   absl::string_view plaintext,
                                   absl::string_view associated_data);
  // The plaintext of `box`; nullopt when the patient's key is gone.
  // `what` names the record in errors.
  absl::StatusOr<std::optional<std::string>> Open(
      const std::string& patient_pseudonym, absl::string_view box,
      absl::string_view associated_data, absl::string_view what);

  absl::StatusOr<SealedMessage<wor::v1::Referral>> SealReferralParts(
      const wor::v1::Referral& referral, absl::string_view associated_data,
      absl::string_view what);
  absl::StatusOr<wor::v1::Referral> OpenReferralParts(
      SealedMessage<wor::v1::Referral> sealed,
      absl::string_view associated_data, absl::string_view what);

  PatientKeyring& keyring_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_PERSONAL_DATA_SEALER_H_
