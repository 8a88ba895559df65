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
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/store.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

struct EventCursor {
  EventFilter filter;
  int64_t after_sequence = 0;
};

class EventFeed {
 public:
  EventFeed(Store* store, const Clock* clock)
      : store_(store), audit_(store, clock) {}

  // Validates the request's filter and resume token, and narrows the filter
  // to what the caller may see.
  absl::StatusOr<EventCursor> Start(
      const CallContext& call,
      const wor::v1::WatchReferralsRequest& request) const;

  // Matching events after the cursor (at most `limit` read), advancing it.
  // Each event's referral passes the disclosure table under the consent in
  // force now (a revocation applies to older events too); each non-empty
  // batch is audited as an export before it is returned.
  absl::StatusOr<std::vector<wor::v1::ReferralEvent>> Poll(
      const CallContext& call, EventCursor& cursor, int limit) const;

  // Waits (real time) until an event after the cursor is committed.
  bool WaitForMore(const EventCursor& cursor, absl::Duration timeout) const;

 private:
  Store* store_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_EVENT_FEED_H_
