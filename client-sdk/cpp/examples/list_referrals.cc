// Lists the referrals of the caller's organisation over mutual TLS.
//
//   WOR_SERVER=wor.example.nl:443 WOR_CA_FILE=ca.pem \
//   WOR_CERT_FILE=kvk-41234567.pem WOR_KEY_FILE=kvk-41234567.key.pem \
//   WOR_TOKEN_FILE=coach.jwt ./list_referrals
//
// Exit code 0 on success, 1 when the call failed (the reason on stderr).
#include <cstdlib>
#include <iostream>
#include <string>

#include "referral_lines.h"
#include "wor/client/client.h"

namespace {

std::string Env(const char* name, const char* fallback = "") {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

}  // namespace

int main() {
  wor::client::Options options;
  options.endpoint = Env("WOR_SERVER", "127.0.0.1:50051");
  options.ca_file = Env("WOR_CA_FILE");
  options.cert_file = Env("WOR_CERT_FILE");
  options.key_file = Env("WOR_KEY_FILE");
  if (const std::string token_file = Env("WOR_TOKEN_FILE");
      !token_file.empty()) {
    options.token_provider = wor::client::TokenFromFile(token_file);
  }
  wor::client::ReferralClient client(
      wor::client::MakeReferralConnection(options));

  absl::StatusOr<std::vector<std::string>> lines =
      wor_examples::ReferralLines(client);
  if (!lines.ok()) {
    std::cerr << "list_referrals: " << lines.status() << "\n";
    return 1;
  }
  for (const std::string& line : *lines) std::cout << line << "\n";
  std::cerr << lines->size() << " referrals\n";
  return 0;
}
