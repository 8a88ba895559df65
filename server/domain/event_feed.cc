#include "server/domain/event_feed.h"

#include <map>
#include <string>

#include "server/common/status_macros.h"
#include "server/domain/access_policy.h"
#include "server/domain/field_checks.h"
#include "server/domain/identifier_validation.h"
#include "server/domain/referral_access.h"
#include "server/domain/resource_names.h"
#include "server/store/store_filters.h"

namespace wor::server {
namespace {

// AT_RISK notices are the coaches' own to-do; the referrer sees only a
// breach ("contact overdue").
bool NoticeIsFor(const Caller& caller, const wor::v1::ReferralEvent& event) {
  if (event.type() != wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK) {
    return true;
  }
  return caller.organisation_kind ==
         wor::v1::ORGANISATION_KIND_WELFARE_ORGANISATION;
}

}  // namespace

absl::StatusOr<EventCursor> EventFeed::Start(
    const CallContext& call,
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
  ReferralFilter scope;
  scope.practice_agb = request.practice_agb();
  scope.welfare_organisation = request.welfare_organisation();
  absl::Status restricted = RestrictReferralFilter(call, scope);
  if (!restricted.ok()) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, ""));
    return restricted;
  }
  cursor.filter.practice_agb = scope.practice_agb;
  cursor.filter.welfare_organisation = scope.welfare_organisation;
  return cursor;
}

absl::StatusOr<std::vector<wor::v1::ReferralEvent>> EventFeed::Poll(
    const CallContext& call, EventCursor& cursor, int limit) const {
  WOR_ASSIGN_OR_RETURN(
      std::vector<StoredEvent> stored,
      store_->ReadEvents(EventFilter{}, cursor.after_sequence, limit));
  std::vector<wor::v1::ReferralEvent> events;
  AccessedObjects objects;
  std::vector<wor::v1::ConsentScope> relied_on;
  // The consent in force now, read once per referral of the batch.
  std::map<std::string, google::protobuf::RepeatedField<int>> consent_now;
  for (StoredEvent& entry : stored) {
    cursor.after_sequence = entry.sequence;
    if (!EventMatches(cursor.filter, entry.event)) continue;
    if (!NoticeIsFor(call.caller, entry.event)) continue;
    wor::v1::Referral& referral = *entry.event.mutable_referral();
    auto in_force = consent_now.find(referral.name());
    if (in_force == consent_now.end()) {
      WOR_ASSIGN_OR_RETURN(std::string id,
                           ParseReferralName("name", referral.name()));
      WOR_ASSIGN_OR_RETURN(StoredReferral now, store_->GetReferral(id));
      in_force =
          consent_now.emplace(referral.name(), now.referral.consent().scopes())
              .first;
    }
    *referral.mutable_consent()->mutable_scopes() = in_force->second;
    objects.Add(referral.name(), referral.patient_pseudonym());
    MergeConsent(relied_on, DiscloseToCaller(call, referral));
    events.push_back(std::move(entry.event));
  }
  if (!events.empty()) {
    WOR_RETURN_IF_ERROR(audit_.RecordRead(call, objects, relied_on));
  }
  return events;
}

bool EventFeed::WaitForMore(const EventCursor& cursor,
                            absl::Duration timeout) const {
  return store_->WaitForEventsAfter(cursor.after_sequence, timeout);
}

}  // namespace wor::server
