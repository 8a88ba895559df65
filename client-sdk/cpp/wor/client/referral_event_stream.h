// ReferralEventStream: the events of ReferralService.WatchReferrals, one at
// a time, resumed automatically after a dropped connection.
//
//   std::unique_ptr<ReferralEventStream> events = client.WatchReferrals();
//   for (;;) {
//     absl::StatusOr<wor::v1::ReferralEvent> event = events->Next();
//     if (!event.ok()) break;           // CANCELLED after Cancel()
//     Handle(*event);
//     Save(event->resume_token());      // to start there after a restart
//   }
//
// When the connection drops or the server restarts (UNAVAILABLE), the
// stream reconnects with the resume_token of the last event it returned,
// waiting with backoff between attempts, so no event is missed or repeated.
// Once the server is known to exist (an event arrived, or a call stayed up
// at least a second, or RetryOptions::max_backoff if longer) it waits for the
// server to come back for as long as it takes, until Cancel(); before that it
// gives up after RetryOptions::max_attempts attempts in a row (a wrong endpoint
// is reported, not waited for). A server that comes back with a certificate the
// client no longer trusts looks like one that does not come back: the stream
// waits. Next() is for one thread; Cancel() may be called from any thread.
#ifndef WOR_CLIENT_REFERRAL_EVENT_STREAM_H_
#define WOR_CLIENT_REFERRAL_EVENT_STREAM_H_

#include <string>

#include "absl/status/statusor.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::client {

class ReferralEventStream {
 public:
  virtual ~ReferralEventStream() = default;

  // Blocks until the next event. A failure that is not transient, or
  // transient failures beyond the retry budget, end the stream: that status
  // is returned now and by every later call. CANCELLED after Cancel().
  virtual absl::StatusOr<wor::v1::ReferralEvent> Next() = 0;

  // Ends the stream; a Next() blocked in another thread returns CANCELLED.
  virtual void Cancel() = 0;

  // The resume_token of the last event returned (or the one the stream
  // started from).
  virtual std::string resume_token() const = 0;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_REFERRAL_EVENT_STREAM_H_
