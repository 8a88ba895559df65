// Who makes a call and which RPC it is: established by the service layer
// (mutual TLS + user token, or development headers) and handed to every
// domain function that touches patient data — for the authorisation policy,
// the disclosure table and the audit record.
#ifndef WOR_SERVER_DOMAIN_CALL_CONTEXT_H_
#define WOR_SERVER_DOMAIN_CALL_CONTEXT_H_

#include <string>

#include "wor/v1/identity.pb.h"

namespace wor::server {

struct Caller {
  // The organisation id from the client certificate: "agb:01012345",
  // "kvk:41234567", "partner:gemeente-meppel" or "operator:wor-meppel".
  std::string organisation;
  wor::v1::OrganisationKind organisation_kind =
      wor::v1::ORGANISATION_KIND_UNSPECIFIED;
  // The user (token `sub`) and the role they act in.
  std::string user;
  wor::v1::UserRole role = wor::v1::USER_ROLE_UNSPECIFIED;
  // The responsible user they act for (token `act`), or empty.
  std::string responsible_user;
  // Access point: client certificate fingerprint (hex SHA-256 of the DER;
  // empty in development mode) and the peer address.
  std::string certificate_fingerprint;
  std::string peer_address;
};

struct CallContext {
  // Full method name as in the descriptors:
  // "wor.v1.ReferralService.GetReferral".
  std::string method;
  Caller caller;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_CALL_CONTEXT_H_
