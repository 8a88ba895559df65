// The Welzijn op Recept C++ SDK: one header for every client.
//
//   #include "wor/client/client.h"
//
//   wor::client::Options options;
//   options.endpoint = "wor.example.nl:443";
//   options.ca_file = "ca.pem";
//   options.cert_file = "kvk-41234567.pem";
//   options.key_file = "kvk-41234567.key.pem";
//   options.token_provider = wor::client::TokenFromFile("coach.jwt");
//
//   wor::client::ReferralClient referrals(
//       wor::client::MakeReferralConnection(options));
//   for (const auto& referral : referrals.ListReferrals()) {
//     if (!referral.ok()) return referral.status();
//     std::cout << referral->name() << "\n";
//   }
//
// See client-sdk/cpp/README.md for retries, request ids, paging, watching
// and testing with the mocks in wor/client/mocks/.
#ifndef WOR_CLIENT_CLIENT_H_
#define WOR_CLIENT_CLIENT_H_

#include "wor/client/audit_client.h"
#include "wor/client/catalogue_client.h"
#include "wor/client/channel.h"
#include "wor/client/consent_client.h"
#include "wor/client/diagnostics_client.h"
#include "wor/client/feedback_client.h"
#include "wor/client/intake_client.h"
#include "wor/client/options.h"
#include "wor/client/partner_client.h"
#include "wor/client/privacy_client.h"
#include "wor/client/referral_client.h"
#include "wor/client/referral_form_client.h"
#include "wor/client/request_id.h"
#include "wor/client/scheduling_client.h"
#include "wor/client/status.h"
#include "wor/client/stream_range.h"

#endif  // WOR_CLIENT_CLIENT_H_
