// Reading the transactional outbox as a resumable feed, for WatchReferrals.
// A cursor advances past every event read, matching the filter or not, so
// waiting for "more" never spins on events of other practices.
//
//   WOR_ASSIGN_OR_RETURN(EventCursor cursor, feed.Start(request));
//   while (open) {
//     WOR_ASSIGN_OR_RETURN(auto events, feed.Poll(cursor, 100));
//     ... send events ...
//     if (events.empty()) feed.WaitForMore(cursor, absl::Milliseconds(250));
//   }
//
// Thread-safe; a cursor belongs to one stream.
#ifndef WOR_SERVER_DOMAIN_EVENT_FEED_H_
#define WOR_SERVER_DOMAIN_EVENT_FEED_H_

#include <vector>

#include "absl/status/statusor.h"
#include "server/store/store.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

struct EventCursor {
  EventFilter filter;
  int64_t after_sequence = 0;
};

class EventFeed {
 public:
  explicit EventFeed(Store* store) : store_(store) {}

  // Validates the request's filter and resume token.
  absl::StatusOr<EventCursor> Start(
      const wor::v1::WatchReferralsRequest& request) const;

  // Matching events after the cursor (at most `limit` read), advancing it.
  absl::StatusOr<std::vector<wor::v1::ReferralEvent>> Poll(EventCursor& cursor,
                                                           int limit) const;

  // Waits (real time) until an event after the cursor is committed.
  bool WaitForMore(const EventCursor& cursor, absl::Duration timeout) const;

 private:
  Store* store_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_EVENT_FEED_H_
