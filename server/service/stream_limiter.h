// Caps the server-streaming calls one organisation holds open at once, so a
// client that leaks streams exhausts its own share, not the server.
//
//   WOR_ASSIGN_OR_RETURN(StreamLimiter::Slot slot, limiter.Acquire(org));
//   ... stream; the slot is released when `slot` goes out of scope ...
//
// Thread-safe.
#ifndef WOR_SERVER_SERVICE_STREAM_LIMITER_H_
#define WOR_SERVER_SERVICE_STREAM_LIMITER_H_

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace wor::server {

class StreamLimiter {
 public:
  explicit StreamLimiter(int max_per_organisation)
      : max_(max_per_organisation) {}

  // Holds one stream slot; releases it when destroyed.
  class Slot {
   public:
    Slot(StreamLimiter* limiter, std::string organisation)
        : release_(limiter, Releaser{std::move(organisation)}) {}

   private:
    struct Releaser {
      std::string organisation;
      void operator()(StreamLimiter* limiter) const {
        limiter->Release(organisation);
      }
    };
    std::unique_ptr<StreamLimiter, Releaser> release_;
  };

  // RESOURCE_EXHAUSTED when the organisation already holds the maximum.
  absl::StatusOr<Slot> Acquire(const std::string& organisation) {
    absl::MutexLock lock(&mutex_);
    int& open = open_[organisation];
    if (open >= max_) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "your organisation already has ", max_,
          " WatchReferrals streams open; close one (or reuse it) first"));
    }
    ++open;
    return Slot(this, organisation);
  }

 private:
  void Release(const std::string& organisation) {
    absl::MutexLock lock(&mutex_);
    if (--open_[organisation] == 0) open_.erase(organisation);
  }

  const int max_;
  absl::Mutex mutex_;
  std::map<std::string, int> open_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_STREAM_LIMITER_H_
