#include "server/domain/identifier_validation.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// absl::string_view is not std::string_view in Debian's abseil build, so only
// the char-based helpers of absl/strings are used here.
#include "absl/strings/ascii.h"

namespace wor::server {
namespace {

constexpr size_t kAgbCodeLength = 8;
constexpr std::array<int, 9> kBsnWeights = {9, 8, 7, 6, 5, 4, 3, 2, -1};

constexpr size_t kDutchNationalPhoneDigits = 10;
constexpr size_t kMinE164Digits = 8;
constexpr size_t kMaxE164Digits = 15;
constexpr std::string_view kDutchCountryCode = "31";

// RFC 5321: 64 for the local part; 254 is the longest address that fits the
// 256-octet forward-path once the angle brackets are counted.
constexpr size_t kMaxEmailLocalPartLength = 64;
constexpr size_t kMaxEmailAddressLength = 254;
constexpr size_t kMaxDomainLabelLength = 63;

bool AllAsciiDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return absl::ascii_isdigit(c); });
}

// The digits of a phone number written with separators, or nullopt when a
// separator stands outside the digits, a parenthesis is unbalanced, nested or
// empty, or any other character appears.
std::optional<std::string> PhoneDigits(std::string_view s) {
  if (s.empty() || !absl::ascii_isdigit(s.front()) ||
      !absl::ascii_isdigit(s.back())) {
    return std::nullopt;
  }
  std::string digits;
  bool in_parentheses = false;
  bool digit_since_open = false;
  for (char c : s) {
    if (absl::ascii_isdigit(c)) {
      digits.push_back(c);
      digit_since_open = true;
    } else if (c == ' ' || c == '-') {
      continue;
    } else if (c == '(' && !in_parentheses) {
      in_parentheses = true;
      digit_since_open = false;
    } else if (c == ')' && in_parentheses && digit_since_open) {
      in_parentheses = false;
    } else {
      return std::nullopt;
    }
  }
  if (in_parentheses) return std::nullopt;
  return digits;
}

bool IsValidE164Digits(std::string_view digits) {
  if (digits.size() < kMinE164Digits || digits.size() > kMaxE164Digits) {
    return false;
  }
  // Country codes never start with 0.
  if (digits.front() == '0') return false;
  if (digits.starts_with(kDutchCountryCode)) {
    // The national form minus its trunk 0; a 0 here is the "+31 (0)6" slip.
    const std::string_view national = digits.substr(kDutchCountryCode.size());
    return national.size() == kDutchNationalPhoneDigits - 1 &&
           national.front() != '0';
  }
  return true;
}

bool IsValidDutchNationalDigits(std::string_view digits) {
  // "00" opens an international number, so a single trunk 0 is required.
  return digits.size() == kDutchNationalPhoneDigits && digits[0] == '0' &&
         digits[1] != '0';
}

bool IsAtext(char c) {
  static constexpr std::string_view kAtextSymbols = "!#$%&'*+-/=?^_`{|}~";
  return absl::ascii_isalnum(c) ||
         kAtextSymbols.find(c) != std::string_view::npos;
}

bool IsValidLocalPart(std::string_view local) {
  if (local.empty() || local.size() > kMaxEmailLocalPartLength) return false;
  if (local.front() == '.' || local.back() == '.') return false;
  if (local.find("..") != std::string_view::npos) return false;
  return std::all_of(local.begin(), local.end(),
                     [](char c) { return c == '.' || IsAtext(c); });
}

bool IsValidDomainLabel(std::string_view label) {
  if (label.empty() || label.size() > kMaxDomainLabelLength) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return absl::ascii_isalnum(c) || c == '-'; });
}

bool IsValidDomain(std::string_view domain) {
  int labels = 0;
  while (true) {
    const size_t dot = domain.find('.');
    if (!IsValidDomainLabel(domain.substr(0, dot))) return false;
    ++labels;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2;
}

}  // namespace

bool IsValidAgbCode(std::string_view s) {
  return s.size() == kAgbCodeLength && AllAsciiDigits(s);
}

bool IsValidBsn(std::string_view s) {
  if (s.size() != kBsnWeights.size() || !AllAsciiDigits(s)) return false;
  int sum = 0;
  for (size_t i = 0; i < kBsnWeights.size(); ++i) {
    sum += kBsnWeights[i] * (s[i] - '0');
  }
  return sum != 0 && sum % 11 == 0;
}

bool IsValidPhoneNumber(std::string_view s) {
  const bool international = s.starts_with('+');
  if (international) s.remove_prefix(1);
  const std::optional<std::string> digits = PhoneDigits(s);
  if (!digits.has_value()) return false;
  return international ? IsValidE164Digits(*digits)
                       : IsValidDutchNationalDigits(*digits);
}

bool IsValidEmailAddress(std::string_view s) {
  if (s.size() > kMaxEmailAddressLength) return false;
  const size_t at = s.find('@');
  if (at == std::string_view::npos ||
      s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  return IsValidLocalPart(s.substr(0, at)) && IsValidDomain(s.substr(at + 1));
}

}  // namespace wor::server
