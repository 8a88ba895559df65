// The C++ SDK's connection for each service `wor` calls, made from one set
// of SDK options (the command's channel, identity, --timeout):
//
//   std::shared_ptr<ReferralConnection> referrals =
//       MakeSdkConnection<ReferralConnection>(context.SdkOptions());
#ifndef WOR_CLIENT_SDK_CLI_SDK_CONNECTIONS_H_
#define WOR_CLIENT_SDK_CLI_SDK_CONNECTIONS_H_

#include <memory>

#include "wor/client/catalogue_connection.h"
#include "wor/client/consent_connection.h"
#include "wor/client/diagnostics_connection.h"
#include "wor/client/feedback_connection.h"
#include "wor/client/intake_connection.h"
#include "wor/client/options.h"
#include "wor/client/partner_connection.h"
#include "wor/client/referral_connection.h"
#include "wor/client/referral_form_connection.h"
#include "wor/client/scheduling_connection.h"

namespace wor::client {

template <typename Connection>
std::shared_ptr<Connection> MakeSdkConnection(Options options);

#define WOR_CLI_SDK_CONNECTION(Name)                          \
  template <>                                                 \
  inline std::shared_ptr<Name##Connection> MakeSdkConnection( \
      Options options) {                                      \
    return Make##Name##Connection(std::move(options));        \
  }
WOR_CLI_SDK_CONNECTION(Catalogue)
WOR_CLI_SDK_CONNECTION(Consent)
WOR_CLI_SDK_CONNECTION(Diagnostics)
WOR_CLI_SDK_CONNECTION(Feedback)
WOR_CLI_SDK_CONNECTION(Intake)
WOR_CLI_SDK_CONNECTION(Partner)
WOR_CLI_SDK_CONNECTION(Referral)
WOR_CLI_SDK_CONNECTION(ReferralForm)
WOR_CLI_SDK_CONNECTION(Scheduling)
#undef WOR_CLI_SDK_CONNECTION

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_SDK_CONNECTIONS_H_
