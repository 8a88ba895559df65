// The server's pseudonym of a patient: HMAC-SHA-256 under a server secret
// (kept in the keyring) of the patient's most stable identifier — the BSN
// when the referral carries one, else the practice's EHR patient id, else
// the referral itself. Links a patient's referrals, audit records and data
// key without storing who they are in clear.
#ifndef WOR_SERVER_DOMAIN_PATIENT_PSEUDONYMS_H_
#define WOR_SERVER_DOMAIN_PATIENT_PSEUDONYMS_H_

#include <string>

#include "wor/v1/referral.pb.h"

namespace wor::server {

class PatientPseudonyms {
 public:
  explicit PatientPseudonyms(std::string secret) : secret_(std::move(secret)) {}

  // Lowercase hex, 32 characters. `referral_id` is used only when the
  // referral names the patient by neither BSN nor EHR id.
  std::string For(const wor::v1::Referral& referral,
                  const std::string& referral_id) const;

 private:
  std::string secret_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_PATIENT_PSEUDONYMS_H_
