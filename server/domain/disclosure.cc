#include "server/domain/disclosure.h"

namespace wor::server {

void RedactForDisclosure(wor::v1::Referral& referral) {
  referral.mutable_patient()->clear_bsn();
}

}  // namespace wor::server
