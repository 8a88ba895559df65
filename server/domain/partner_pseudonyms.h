// A patient's pseudonym as one partner (municipality, insurer, regional
// programme) sees it in a pseudonymised export: stable for that partner, so
// it can link a patient's rows over time, and different for every partner,
// so two partners cannot join their exports on it.
//
//   PartnerPseudonyms pseudonyms(secret);  // the server's export secret
//   std::string p = pseudonyms.For("partners/gemeente-meierijstad",
//                                  referral.patient_pseudonym());
//
// The partner's key is HMAC-SHA-256(secret, "wor partner pseudonym v1\0" +
// partner); the pseudonym is HMAC-SHA-256(partner key, the server's own
// patient pseudonym), as 26 characters of lowercase base32 (130 bits). Without
// the secret, a pseudonym reveals nothing of the patient or of the other
// partners' pseudonyms. Immutable, so thread-safe.
#ifndef WOR_SERVER_DOMAIN_PARTNER_PSEUDONYMS_H_
#define WOR_SERVER_DOMAIN_PARTNER_PSEUDONYMS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace wor::server {

class PartnerPseudonyms {
 public:
  // `secret`: at least 32 random bytes, kept like the other server secrets.
  explicit PartnerPseudonyms(std::string secret) : secret_(std::move(secret)) {}

  // The pseudonym of the patient with the server pseudonym
  // `patient_pseudonym` (PatientPseudonyms) for `partner` (its resource
  // name).
  std::string For(absl::string_view partner,
                  absl::string_view patient_pseudonym) const;

 private:
  std::string secret_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_PARTNER_PSEUDONYMS_H_
