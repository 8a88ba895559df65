#include "server/domain/resource_names.h"

#include <openssl/rand.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "server/domain/field_checks.h"

namespace wor::server {
namespace {

bool IsId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string ReferralName(absl::string_view referral_id) {
  return absl::StrCat("referrals/", referral_id);
}

std::string FeedbackName(absl::string_view referral_id,
                         absl::string_view feedback_id) {
  return absl::StrCat("referrals/", referral_id, "/feedback/", feedback_id);
}

absl::StatusOr<std::string> ParseReferralName(absl::string_view field,
                                              const std::string& name) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(name), '/');
  if (parts.size() != 2 || parts[0] != "referrals" || !IsId(parts[1])) {
    return FieldError(field,
                      "expected a referral name referrals/{referral_id}");
  }
  return std::string(parts[1]);
}

absl::StatusOr<std::pair<std::string, std::string>> ParseFeedbackName(
    absl::string_view field, const std::string& name) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(name), '/');
  if (parts.size() != 4 || parts[0] != "referrals" || !IsId(parts[1]) ||
      parts[2] != "feedback" || !IsId(parts[3])) {
    return FieldError(field,
                      "expected a feedback name "
                      "referrals/{referral_id}/feedback/{feedback_id}");
  }
  return std::make_pair(std::string(parts[1]), std::string(parts[3]));
}

std::string NewResourceId() {
  unsigned char bytes[8];
  if (RAND_bytes(bytes, sizeof(bytes)) != 1) {
    // OpenSSL's CSPRNG failing means the process cannot be trusted with
    // secrets either; there is no safe fallback.
    std::abort();
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 0xF]);
  }
  return id;
}

}  // namespace wor::server
