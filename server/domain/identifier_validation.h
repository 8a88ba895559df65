// Syntax checks for the identifiers and contact details that enter the system
// from referrers and integrations: AGB codes, BSNs, phone numbers and e-mail
// addresses.
//
// The predicates answer only "is this well-formed?"; they carry no error text
// because the caller knows which field was wrong and how to say so to a GP,
// coach or integrator (and must not echo the value, which may be personal
// data). None of them normalises: store what the caller decides to store.
//
// Example:
//
//   if (!IsValidBsn(referral.bsn())) {
//     return absl::InvalidArgumentError(
//         "The BSN of the patient fails the 11-check; check it in the EHR.");
//   }
//
// Thread-safety: pure functions, safe to call from any thread.

#ifndef WOR_SERVER_DOMAIN_IDENTIFIER_VALIDATION_H_
#define WOR_SERVER_DOMAIN_IDENTIFIER_VALIDATION_H_

#include <string_view>

namespace wor::server {

// AGB code (practice or person, AGB-Z): exactly 8 ASCII digits.
bool IsValidAgbCode(std::string_view s);

// BSN (burgerservicenummer): exactly 9 ASCII digits passing the 11-check
// (weights 9, 8, 7, 6, 5, 4, 3, 2, -1; weighted sum divisible by 11). A sum
// of 0, which includes 000000000, is rejected: no BSN is issued with it.
bool IsValidBsn(std::string_view s);

// A diallable phone number, either Dutch national (10 digits, starting with a
// single 0: 0612345678, 020-1234567, "06 12 34 56 78") or international
// E.164 ('+' then 8-15 digits, no leading 0: +31612345678,
// "+32 470 12 34 56"). Spaces, dashes and balanced, unnested parentheses may
// separate digits, but nothing may precede the first digit (other than '+')
// or follow the last. A +31 number must have the 9 digits of its national form
// without the trunk 0, which rejects the common "+31 (0)6 ..." notation: that
// number cannot be dialled as written.
bool IsValidPhoneNumber(std::string_view s);

// A pragmatic subset of RFC 5321/5322 addresses: one '@'; a local part of 1-64
// atext characters and dots (no leading, trailing or double dot, no quoted
// strings); a domain of at least two labels, each 1-63 characters of
// [A-Za-z0-9-] not starting or ending with '-'; at most 254 characters in all.
bool IsValidEmailAddress(std::string_view s);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_IDENTIFIER_VALIDATION_H_
