#include "server/domain/event_feed.h"

#include "server/common/status_macros.h"
#include "server/domain/disclosure.h"
#include "server/domain/field_checks.h"
#include "server/domain/identifier_validation.h"
#include "server/store/store_filters.h"

namespace wor::server {

absl::StatusOr<EventCursor> EventFeed::Start(
    const wor::v1::WatchReferralsRequest& request) const {
  EventCursor cursor;
  if (!request.resume_token().empty()) {
    std::optional<int64_t> sequence =
        SequenceFromResumeToken(request.resume_token());
    if (!sequence) {
      return FieldError("resume_token",
                        "is not a token of this server; pass an event's "
                        "resume_token unchanged, or none to start at the "
                        "oldest event");
    }
    cursor.after_sequence = *sequence;
  }
  if (!request.practice_agb().empty() &&
      !IsValidAgbCode(request.practice_agb())) {
    return FieldError("practice_agb", "expected an AGB code of 8 digits");
  }
  cursor.filter.practice_agb = request.practice_agb();
  cursor.filter.welfare_organisation = request.welfare_organisation();
  return cursor;
}

absl::StatusOr<std::vector<wor::v1::ReferralEvent>> EventFeed::Poll(
    EventCursor& cursor, int limit) const {
  WOR_ASSIGN_OR_RETURN(
      std::vector<StoredEvent> stored,
      store_->ReadEvents(EventFilter{}, cursor.after_sequence, limit));
  std::vector<wor::v1::ReferralEvent> events;
  for (StoredEvent& entry : stored) {
    cursor.after_sequence = entry.sequence;
    if (EventMatches(cursor.filter, entry.event)) {
      RedactForDisclosure(*entry.event.mutable_referral());
      events.push_back(std::move(entry.event));
    }
  }
  return events;
}

bool EventFeed::WaitForMore(const EventCursor& cursor,
                            absl::Duration timeout) const {
  return store_->WaitForEventsAfter(cursor.after_sequence, timeout);
}

}  // namespace wor::server
