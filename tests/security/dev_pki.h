// The development PKI of deploy/pki/make-dev-pki.sh (real certificates and
// token keys) for the security tests.
//
//   const DevPki& pki = DevPki::Shared();
//   pki.ClientCertificate("agb:01012345");   // ".../clients/agb-01012345.pem"
//   pki.TokenSigningKey("kvk:41234567");     // its ES256 token key
//
// Made once per build tree, in WOR_TEST_PKI_DIR, and reused for as long as
// the script that made it is unchanged: ctest runs every test in a process
// of its own, and making the PKI takes some two seconds of openssl runs.
// Needs the `openssl` command line (deploy/install-deps.sh installs it).
// Thread-safe after the first call to Shared(); safe across processes.
#ifndef WOR_TESTS_SECURITY_DEV_PKI_H_
#define WOR_TESTS_SECURITY_DEV_PKI_H_

#include <string>
#include <vector>

#include "server/crypto/es256_jwt.h"

namespace wor::server {

class DevPki {
 public:
  // Makes (or checks) the PKI on first use; aborts the binary when the
  // script fails.
  static const DevPki& Shared();

  // The demo region's organisations, e.g. "agb:01012345", "kvk:41234567".
  static const std::vector<std::string>& Organisations();

  std::string CaCertificate() const { return File("ca.pem"); }
  std::string ServerCertificate() const { return File("server.pem"); }
  std::string ServerKey() const { return File("server.key.pem"); }
  // Client certificate whose subject CN is `organisation`, and its key.
  std::string ClientCertificate(const std::string& organisation) const;
  std::string ClientKey(const std::string& organisation) const;
  // A certificate with CN agb:01012345 from a CA the server does not trust.
  std::string UnknownCaClientCertificate() const;
  std::string UnknownCaClientKey() const;
  // The organisation's token keys: the public half the server trusts and
  // the private half its identity provider signs with.
  std::string TokenPublicKey(const std::string& organisation) const;
  crypto::Es256PrivateKey TokenSigningKey(
      const std::string& organisation) const;

  DevPki(const DevPki&) = delete;
  DevPki& operator=(const DevPki&) = delete;

 private:
  explicit DevPki(std::string directory) : directory_(std::move(directory)) {}
  std::string File(const std::string& relative) const {
    return directory_ + "/" + relative;
  }

  std::string directory_;
};

// "agb:01012345" → "agb-01012345", the script's file names.
std::string OrganisationFileName(const std::string& organisation);

}  // namespace wor::server

#endif  // WOR_TESTS_SECURITY_DEV_PKI_H_
