// The Welzijn op Recept referral form as data: its sections, questions,
// options, refusal rules and texts in Dutch and English, served by
// ReferralFormService so thin clients (the EHR plugin, which renders it as
// server-side HTML, and the ZorgDomein adapters) carry none of it themselves.
//
// Every question names the wor.v1.Referral field it fills as a dotted path,
// and every choice option is the name of a value of that field's enum, taken
// from the generated descriptors so the form cannot drift from the contract.
// Two fields are deliberately absent: patient.bsn (never asked in the plugin)
// and consent.obtain_time (the time of submission is recorded); the client
// fills patient.ehr_patient_reference from its launch context.
//
// Thread-safety: the form is built once, on first use, and is immutable.

#ifndef WOR_SERVER_DOMAIN_REFERRAL_FORM_H_
#define WOR_SERVER_DOMAIN_REFERRAL_FORM_H_

#include <string>

#include "wor/v1/referral_form.pb.h"

namespace wor::server {

// The complete referral form, with `version` set. Never destroyed.
const wor::v1::ReferralForm& TheReferralForm();

// The content version of `form`: the first 12 lowercase hex characters of the
// SHA-256 of its deterministic serialization with `version` cleared, so it
// changes whenever a section, question, option or text changes.
std::string ReferralFormVersion(const wor::v1::ReferralForm& form);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_FORM_H_
