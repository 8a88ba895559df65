// Etags and resume tokens: opaque to clients, simple inside.
#include <charconv>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "server/store/store.h"

namespace wor::server {
namespace {

std::optional<int64_t> ParsePrefixed(absl::string_view text,
                                     absl::string_view prefix) {
  if (!absl::ConsumePrefix(&text, prefix) || text.empty()) return std::nullopt;
  int64_t value = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string EtagForRevision(int64_t revision) {
  return absl::StrCat("r", revision);
}

std::optional<int64_t> RevisionFromEtag(const std::string& etag) {
  return ParsePrefixed(etag, "r");
}

std::string ResumeTokenForSequence(int64_t sequence) {
  return absl::StrCat("e", sequence);
}

std::optional<int64_t> SequenceFromResumeToken(const std::string& token) {
  return ParsePrefixed(token, "e");
}

}  // namespace wor::server
