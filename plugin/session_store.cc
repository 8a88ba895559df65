#include "plugin/session_store.h"

#include <utility>
#include <vector>

#include "plugin/pkce.h"

namespace wor::plugin {

std::string SessionStore::Create(Session session) {
  std::string id = RandomToken(32);
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  std::vector<std::string> expired;
  for (const auto& [key, entry] : entries_) {
    if (now >= entry.expires) expired.push_back(key);
  }
  for (const std::string& key : expired) entries_.erase(key);
  entries_[id] = Entry{std::move(session), now + ttl_};
  return id;
}

SessionStore::Entry* SessionStore::FindLocked(const std::string& id,
                                              absl::Time now) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return nullptr;
  if (now >= it->second.expires) {
    entries_.erase(it);
    return nullptr;
  }
  return &it->second;
}

std::optional<Session> SessionStore::Get(const std::string& id) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  Entry* entry = FindLocked(id, now);
  if (entry == nullptr) return std::nullopt;
  return entry->session;
}

std::string SessionStore::NewFormNonce(const std::string& id) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  Entry* entry = FindLocked(id, now);
  if (entry == nullptr) return "";
  std::string nonce = RandomToken(18);
  entry->session.form_nonces[nonce] = std::nullopt;
  return nonce;
}

std::optional<absl::Time> SessionStore::SubmitTimeOf(const std::string& id,
                                                     const std::string& nonce) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  Entry* entry = FindLocked(id, now);
  if (entry == nullptr) return std::nullopt;
  auto it = entry->session.form_nonces.find(nonce);
  if (it == entry->session.form_nonces.end()) return std::nullopt;
  if (!it->second.has_value()) {
    // Whole seconds: the time travels as a protobuf Timestamp and must be
    // the same on every repeat.
    it->second = absl::FromUnixSeconds(absl::ToUnixSeconds(now));
  }
  return it->second;
}

void SessionStore::SetLanguage(const std::string& id, const std::string& lang) {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mutex_);
  if (Entry* entry = FindLocked(id, now)) entry->session.lang = lang;
}

}  // namespace wor::plugin
