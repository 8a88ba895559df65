#include "server/domain/referral_workflow.h"

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "server/common/status_macros.h"
#include "server/domain/access_policy.h"
#include "server/domain/coach_names.h"
#include "server/domain/deadline_escalation.h"
#include "server/domain/deadline_tracking.h"
#include "server/domain/field_checks.h"
#include "server/domain/idempotency.h"
#include "server/domain/identifier_validation.h"
#include "server/domain/referral_access.h"
#include "server/domain/referral_milestones.h"
#include "server/domain/referral_validation.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 200;

// A page token binds the position to the filter it was issued for, so a
// token reused with another filter is refused instead of skipping results.
std::string FilterFingerprint(const wor::v1::ListReferralsRequest& request) {
  wor::v1::ListReferralsRequest filter_only = request;
  filter_only.clear_page_size();
  filter_only.clear_page_token();
  return absl::BytesToHexString(RequestDigest(filter_only).substr(0, 6));
}

std::string EncodePageToken(const std::string& fingerprint, int64_t sequence) {
  return absl::WebSafeBase64Escape(absl::StrCat(fingerprint, ":", sequence));
}

absl::StatusOr<int64_t> DecodePageToken(const std::string& fingerprint,
                                        const std::string& token) {
  std::string raw;
  std::vector<std::string> parts;
  int64_t sequence = 0;
  if (!absl::WebSafeBase64Unescape(token, &raw) ||
      (parts = absl::StrSplit(raw, ':')).size() != 2 ||
      !absl::SimpleAtoi(parts[1], &sequence) || sequence < 0) {
    return FieldError("page_token",
                      "is not a token of this server; pass next_page_token "
                      "unchanged, or none for the first page");
  }
  if (parts[0] != fingerprint) {
    return FieldError("page_token",
                      "belongs to a different filter; repeat the same filter "
                      "or start again without page_token");
  }
  return sequence;
}

absl::Status CheckEnumSet(absl::string_view field, bool is_valid, int value) {
  if (value == 0 || !is_valid)
    return FieldError(field, "must be set to one of its values");
  return absl::OkStatus();
}

}  // namespace

ReferralWorkflow::ReferralWorkflow(Store* store, const Clock* clock,
                                   const RegionDirectory* region,
                                   const PatientPseudonyms* pseudonyms)
    : store_(store),
      clock_(clock),
      region_(region),
      pseudonyms_(pseudonyms),
      mutator_(store, clock, region),
      audit_(store, clock) {}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::BuildNewReferral(
    const wor::v1::Referral& input, absl::Time now) const {
  std::optional<std::string> organisation =
      region_->WelfareOrganisationForPractice(input.referrer().practice_agb());
  if (!organisation) {
    return absl::FailedPreconditionError(absl::StrCat(
        "referral.referrer.practice_agb: this practice has no Welzijn op "
        "Recept agreement with a welfare organisation in ",
        region_->region_name(),
        "; ask the region's coordinator to register the practice"));
  }
  const DeadlinePolicy* policy = region_->PolicyFor(*organisation);
  if (policy == nullptr) {
    return absl::InternalError(
        "the practice's welfare organisation has no calendar");
  }
  // Copy only what a client may set; everything else is output only.
  wor::v1::Referral referral;
  *referral.mutable_referrer() = input.referrer();
  *referral.mutable_patient() = input.patient();
  *referral.mutable_indicators() = input.indicators();
  *referral.mutable_contra_indications() = input.contra_indications();
  *referral.mutable_conversation() = input.conversation();
  referral.set_patient_question(input.patient_question());
  referral.set_route(input.route());
  *referral.mutable_consent() = input.consent();

  referral.set_welfare_organisation(*organisation);
  referral.set_region(region_->region_name());
  referral.set_state(wor::v1::REFERRAL_STATE_REQUESTED);
  SetDueDates(policy->ForReferralAt(now), referral.mutable_deadlines());
  StartMilestones(*policy, now, referral);
  SetNextDeadlineAlarm(*policy, now, referral);
  referral.set_etag(EtagForRevision(1));
  *referral.mutable_create_time() = ToTimestamp(now);
  *referral.mutable_update_time() = ToTimestamp(now);
  return referral;
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::Create(
    const CallContext& call, const wor::v1::CreateReferralRequest& request) {
  WOR_RETURN_IF_ERROR(CheckRequestId("request_id", request.request_id()));
  if (!request.has_referral()) return FieldError("referral", "is required");
  const absl::Time now = clock_->Now();
  WOR_RETURN_IF_ERROR(ValidateNewReferral(
      request.referral(), now, absl::ToCivilDay(now, region_->zone())));
  WOR_ASSIGN_OR_RETURN(wor::v1::Referral referral,
                       BuildNewReferral(request.referral(), now));
  if (!CoversReferral(call, referral)) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, ""));
    return absl::PermissionDeniedError(
        "referral.referrer.practice_agb: you can refer only for your own "
        "practice (the practice of your certificate)");
  }
  const std::string digest = RequestDigest(request);
  const std::string id = NewResourceId();
  referral.set_name(ReferralName(id));
  referral.set_patient_pseudonym(pseudonyms_->For(referral, id));
  wor::v1::ConsentChange* grant = referral.mutable_consent()->add_history();
  *grant->mutable_scopes() = referral.consent().scopes();
  grant->set_action(wor::v1::CONSENT_ACTION_GRANTED);
  *grant->mutable_change_time() = ToTimestamp(now);
  grant->set_recorded_by(call.caller.user);
  grant->set_obtained_by_agb(referral.consent().obtained_by_agb());
  grant->set_method(referral.consent().method());
  grant->set_text_version(referral.consent().text_version());

  wor::v1::Referral result;
  WOR_RETURN_IF_ERROR(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    WOR_ASSIGN_OR_RETURN(
        bool replayed, ReplayIfSeen(tx, request.request_id(), "CreateReferral",
                                    digest, &result));
    if (!replayed) {
      WOR_RETURN_IF_ERROR(tx.InsertReferral(id, referral));
      wor::v1::ReferralEvent event;
      event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CREATED);
      *event.mutable_referral() = referral;
      *event.mutable_event_time() = ToTimestamp(now);
      WOR_RETURN_IF_ERROR(tx.AppendEvent(event));
      result = referral;
      WOR_RETURN_IF_ERROR(RememberResult(tx, request.request_id(),
                                         "CreateReferral", digest, result,
                                         result.patient_pseudonym()));
    } else if (!CoversReferral(call, result)) {
      return ReferralNotFound(result.name());
    }
    AccessedObjects objects;
    objects.Add(result.name(), result.patient_pseudonym());
    // What the caller gets, and the consent it relied on.
    const std::vector<wor::v1::ConsentScope> relied_on =
        DiscloseToCaller(call, result);
    return tx.AppendAudit(audit_.Allowed(call, objects, relied_on));
  }));
  return result;
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::Get(
    const CallContext& call, const wor::v1::GetReferralRequest& request) {
  return ReadReferralForCall(audit_, call, "name", request.name(),
                             ReadView::kDisclosed);
}

absl::StatusOr<wor::v1::ListReferralsResponse> ReferralWorkflow::List(
    const CallContext& call, const wor::v1::ListReferralsRequest& request) {
  int page_size =
      request.page_size() == 0 ? kDefaultPageSize : request.page_size();
  if (page_size < 1 || page_size > kMaxPageSize) {
    return FieldError("page_size", "expected 1 to 200 (0 means 50)");
  }
  ReferralFilter filter;
  for (int i = 0; i < request.states_size(); ++i) {
    WOR_RETURN_IF_ERROR(CheckEnumSet(
        absl::StrCat("states[", i, "]"),
        wor::v1::ReferralState_IsValid(request.states(i)), request.states(i)));
    filter.states.push_back(request.states(i));
  }
  if (!request.practice_agb().empty() &&
      !IsValidAgbCode(request.practice_agb())) {
    return FieldError("practice_agb", "expected an AGB code of 8 digits");
  }
  filter.practice_agb = request.practice_agb();
  const std::string& organisation = request.welfare_organisation();
  if (!organisation.empty() &&
      (!absl::StartsWith(organisation, "welfareOrganisations/") ||
       organisation.size() !=
           std::string("welfareOrganisations/").size() + 8)) {
    return FieldError("welfare_organisation",
                      "expected welfareOrganisations/{kvk_number}");
  }
  filter.welfare_organisation = organisation;
  if (!request.assigned_coach().empty()) {
    WOR_ASSIGN_OR_RETURN(
        CoachName coach,
        ParseCoachName("assigned_coach", request.assigned_coach()));
    filter.assigned_coach = coach.Name();
  }
  const std::string& ehr_patient = request.ehr_patient_reference();
  if (!ehr_patient.empty() && FindAccessRule(call.method, call.caller.role) !=
                                  Relationship::kReferringPractice) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, ""));
    return absl::PermissionDeniedError(
        "ehr_patient_reference: only the referring practice can filter by "
        "the patient id of its own EHR");
  }
  if (ehr_patient.size() > 128) {
    return FieldError("ehr_patient_reference",
                      "expected at most 128 characters");
  }
  absl::Status restricted = RestrictReferralFilter(call, filter);
  if (!restricted.ok()) {
    WOR_RETURN_IF_ERROR(audit_.RecordDenied(call, ""));
    return restricted;
  }

  const std::string fingerprint = FilterFingerprint(request);
  int64_t after = 0;
  if (!request.page_token().empty()) {
    WOR_ASSIGN_OR_RETURN(after,
                         DecodePageToken(fingerprint, request.page_token()));
  }
  // One extra row tells whether another page follows.
  std::vector<StoredReferral> rows;
  if (ehr_patient.empty()) {
    WOR_ASSIGN_OR_RETURN(rows,
                         store_->ListReferrals(filter, after, page_size + 1));
  } else {
    // The EHR id is sealed personal data, not an indexed column: read the
    // practice's referrals in batches and keep this patient's.
    constexpr int kBatch = 200;
    int64_t cursor = after;
    while (static_cast<int>(rows.size()) <= page_size) {
      WOR_ASSIGN_OR_RETURN(std::vector<StoredReferral> batch,
                           store_->ListReferrals(filter, cursor, kBatch));
      if (batch.empty()) break;
      cursor = batch.back().sequence;
      for (StoredReferral& row : batch) {
        if (row.referral.patient().ehr_patient_reference() == ehr_patient) {
          rows.push_back(std::move(row));
        }
      }
      if (static_cast<int>(batch.size()) < kBatch) break;
    }
  }
  wor::v1::ListReferralsResponse response;
  bool more = static_cast<int>(rows.size()) > page_size;
  if (more) rows.resize(page_size);
  AccessedObjects objects;
  std::vector<wor::v1::ConsentScope> relied_on;
  for (StoredReferral& row : rows) {
    row.referral.set_etag(EtagForRevision(row.revision));
    objects.Add(row.referral.name(), row.referral.patient_pseudonym());
    MergeConsent(relied_on, DiscloseToCaller(call, row.referral));
    *response.add_referrals() = std::move(row.referral);
  }
  if (more) {
    response.set_next_page_token(
        EncodePageToken(fingerprint, rows.back().sequence));
  }
  // Logged before anything is returned.
  WOR_RETURN_IF_ERROR(audit_.RecordRead(call, objects, relied_on));
  return response;
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::Accept(
    const CallContext& call, const wor::v1::AcceptReferralRequest& request) {
  return mutator_.Apply({call, request, ReferralVerb::kAcceptReferral,
                         request.name(), request.etag(), request.request_id()},
                        [&](wor::v1::Referral& referral, absl::Time) {
                          referral.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
                          // The coach who accepts takes the referral on.
                          absl::StatusOr<CoachName> coach =
                              CallingCoach("name", call);
                          if (coach.ok()) {
                            referral.set_assigned_coach(coach->Name());
                          }
                          return absl::OkStatus();
                        });
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::Reject(
    const CallContext& call, const wor::v1::RejectReferralRequest& request) {
  WOR_RETURN_IF_ERROR(
      CheckEnumSet("reason", wor::v1::RejectionReason_IsValid(request.reason()),
                   request.reason()));
  return mutator_.Apply({call, request, ReferralVerb::kRejectReferral,
                         request.name(), request.etag(), request.request_id()},
                        [&](wor::v1::Referral& referral, absl::Time) {
                          referral.set_state(wor::v1::REFERRAL_STATE_REJECTED);
                          referral.set_rejection_reason(request.reason());
                          return absl::OkStatus();
                        });
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::Cancel(
    const CallContext& call, const wor::v1::CancelReferralRequest& request) {
  WOR_RETURN_IF_ERROR(CheckEnumSet(
      "reason", wor::v1::CancellationReason_IsValid(request.reason()),
      request.reason()));
  return mutator_.Apply({call, request, ReferralVerb::kCancelReferral,
                         request.name(), request.etag(), request.request_id()},
                        [&](wor::v1::Referral& referral, absl::Time) {
                          referral.set_state(wor::v1::REFERRAL_STATE_CANCELLED);
                          referral.set_cancellation_reason(request.reason());
                          referral.clear_held_state();
                          referral.clear_hold_reason();
                          return absl::OkStatus();
                        });
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::PutOnHold(
    const CallContext& call, const wor::v1::PutReferralOnHoldRequest& request) {
  WOR_RETURN_IF_ERROR(
      CheckEnumSet("reason", wor::v1::HoldReason_IsValid(request.reason()),
                   request.reason()));
  return mutator_.Apply({call, request, ReferralVerb::kPutReferralOnHold,
                         request.name(), request.etag(), request.request_id()},
                        [&](wor::v1::Referral& referral, absl::Time) {
                          referral.set_held_state(referral.state());
                          referral.set_hold_reason(request.reason());
                          referral.set_state(wor::v1::REFERRAL_STATE_ON_HOLD);
                          return absl::OkStatus();
                        });
}

absl::StatusOr<wor::v1::Referral> ReferralWorkflow::Resume(
    const CallContext& call, const wor::v1::ResumeReferralRequest& request) {
  return mutator_.Apply({call, request, ReferralVerb::kResumeReferral,
                         request.name(), request.etag(), request.request_id()},
                        [](wor::v1::Referral& referral, absl::Time) {
                          referral.set_state(referral.held_state());
                          referral.clear_held_state();
                          referral.clear_hold_reason();
                          return absl::OkStatus();
                        });
}

}  // namespace wor::server
