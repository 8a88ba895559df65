#include "server/domain/patient_pseudonyms.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "server/crypto/digest.h"

namespace wor::server {

std::string PatientPseudonyms::For(const wor::v1::Referral& referral,
                                   const std::string& referral_id) const {
  const wor::v1::Patient& patient = referral.patient();
  std::string subject;
  if (!patient.bsn().empty()) {
    subject = absl::StrCat("bsn:", patient.bsn());
  } else if (!patient.ehr_patient_reference().empty()) {
    subject = absl::StrCat("ehr:", referral.referrer().practice_agb(), "/",
                           patient.ehr_patient_reference());
  } else {
    subject = absl::StrCat("referral:", referral_id);
  }
  return absl::BytesToHexString(
      crypto::HmacSha256(secret_, subject).substr(0, 16));
}

}  // namespace wor::server
