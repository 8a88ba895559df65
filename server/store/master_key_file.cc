// Reading a master key file (see ReadMasterKeyFile in patient_keyring.h).
#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "server/store/patient_keyring.h"

namespace wor::server {
namespace {

constexpr size_t kMasterKeyHexCharacters = 64;

// Overwrites the copies of the key read on the way.
void Wipe(std::string& text) { std::fill(text.begin(), text.end(), '\0'); }

absl::Status Unreadable(const std::string& path) {
  return absl::FailedPreconditionError(
      absl::StrCat("cannot read the master key file ", path,
                   "; check that it exists and the server may read it"));
}

}  // namespace

absl::StatusOr<MasterKey> ReadMasterKeyFile(const std::string& id,
                                            const std::string& path) {
  if (id.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the master key in ", path, " needs an id"));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Unreadable(path);
  }
  std::string text(std::istreambuf_iterator<char>(file), {});
  if (file.bad()) {
    Wipe(text);
    return Unreadable(path);
  }
  std::string hex;
  for (char c : text) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(c))) hex.push_back(c);
  }
  Wipe(text);
  bool valid = hex.size() == kMasterKeyHexCharacters;
  for (char c : hex) {
    valid = valid && absl::ascii_isxdigit(static_cast<unsigned char>(c));
  }
  if (!valid) {
    Wipe(hex);
    return absl::InvalidArgumentError(absl::StrCat(
        "the master key file ", path,
        " must hold exactly 64 hexadecimal characters (a 32-byte key); "
        "create one with: openssl rand -hex 32"));
  }
  MasterKey key{id, absl::HexStringToBytes(hex)};
  Wipe(hex);
  return key;
}

}  // namespace wor::server
