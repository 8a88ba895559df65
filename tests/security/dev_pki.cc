#include "tests/security/dev_pki.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "server/crypto/digest.h"
#include "tests/crypto/test_files.h"

namespace wor::server {
namespace {

[[noreturn]] void Fail(const std::string& why) {
  std::cerr << "development PKI for the security tests: " << why << "\n";
  std::abort();
}

// Holds an exclusive lock on `path` (created if missing) while in scope, so
// parallel test processes take turns.
class FileLock {
 public:
  explicit FileLock(const std::string& path)
      : fd_(open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {
    if (fd_ < 0 || flock(fd_, LOCK_EX) != 0) Fail("cannot lock " + path);
  }
  ~FileLock() { close(fd_); }  // closing releases the lock
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

// Makes the PKI in `directory` unless the script that made it is unchanged
// since (its SHA-256 is kept next to the files).
void MakeUnlessCurrent(const std::string& directory) {
  const std::string script =
      std::string(WOR_SOURCE_DIR) + "/deploy/pki/make-dev-pki.sh";
  const std::string script_hash =
      absl::BytesToHexString(crypto::Sha256(crypto::ReadFile(script)));
  const std::string stamp = directory + "/made-by-script.sha256";
  std::error_code ignored;
  std::filesystem::create_directories(directory, ignored);
  FileLock lock(directory + "/.lock");
  if (crypto::ReadFile(stamp) == script_hash) return;
  const crypto::CommandResult made = crypto::RunCommand(
      absl::StrCat("bash ", crypto::ShellQuote(script), " --force ",
                   crypto::ShellQuote(directory), " >/dev/null"));
  if (made.exit_code != 0) {
    Fail(
        "deploy/pki/make-dev-pki.sh failed (is the openssl command line "
        "installed? deploy/install-deps.sh)");
  }
  crypto::WriteFile(stamp, script_hash);
}

}  // namespace

const DevPki& DevPki::Shared() {
  static const DevPki* pki = [] {
    MakeUnlessCurrent(WOR_TEST_PKI_DIR);
    return new DevPki(WOR_TEST_PKI_DIR);
  }();
  return *pki;
}

const std::vector<std::string>& DevPki::Organisations() {
  static const auto* organisations =
      new std::vector<std::string>{"agb:01012345",
                                   "agb:01023456",
                                   "agb:01034567",
                                   "kvk:41234567",
                                   "partner:gemeente-meppel",
                                   "operator:wor-meppel"};
  return *organisations;
}

std::string OrganisationFileName(const std::string& organisation) {
  return absl::StrReplaceAll(organisation, {{":", "-"}});
}

std::string DevPki::ClientCertificate(const std::string& organisation) const {
  return File(
      absl::StrCat("clients/", OrganisationFileName(organisation), ".pem"));
}

std::string DevPki::ClientKey(const std::string& organisation) const {
  return File(
      absl::StrCat("clients/", OrganisationFileName(organisation), ".key.pem"));
}

std::string DevPki::UnknownCaClientCertificate() const {
  return File("other-ca/clients/agb-01012345.pem");
}

std::string DevPki::UnknownCaClientKey() const {
  return File("other-ca/clients/agb-01012345.key.pem");
}

std::string DevPki::TokenPublicKey(const std::string& organisation) const {
  return File(
      absl::StrCat("tokens/", OrganisationFileName(organisation), ".pub.pem"));
}

crypto::Es256PrivateKey DevPki::TokenSigningKey(
    const std::string& organisation) const {
  const std::string path = File(
      absl::StrCat("tokens/", OrganisationFileName(organisation), ".key.pem"));
  absl::StatusOr<crypto::Es256PrivateKey> key =
      crypto::Es256PrivateKey::FromPem(crypto::ReadFile(path));
  if (!key.ok())
    Fail(absl::StrCat("token key ", path, ": ", key.status().ToString()));
  return *std::move(key);
}

}  // namespace wor::server
