#include "plugin/feedback_writeback.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "plugin/json_log.h"
#include "plugin/referral_request_mapping.h"

namespace wor::plugin {
namespace {

std::string CodeName(const absl::Status& status) {
  return absl::StatusCodeToString(status.code());
}

}  // namespace

std::string AcknowledgeRequestId(const std::string& feedback_name) {
  // RequestIdForNonce hashes; reuse it with a distinct prefix.
  return absl::StrCat("ack-", RequestIdForNonce(feedback_name));
}

absl::Status FeedbackWriteback::HandleEvent(
    const wor::v1::ReferralEvent& event) {
  if (event.type() != wor::v1::REFERRAL_EVENT_TYPE_FEEDBACK_SENT ||
      event.feedback().empty()) {
    return absl::OkStatus();
  }
  const wor::v1::Referral& referral = event.referral();
  wor::v1::ListFeedbackRequest list;
  list.set_parent(referral.name());
  std::optional<wor::v1::Feedback> found;
  for (absl::StatusOr<wor::v1::Feedback>& item : feedback_.ListFeedback(list)) {
    if (!item.ok()) return item.status();
    if (item->name() == event.feedback()) found = std::move(*item);
  }
  if (!found.has_value()) {
    LogEvent("feedback_skipped",
             {{"feedback", event.feedback()}, {"reason", "not_listed"}});
    return absl::OkStatus();
  }
  if (found->has_acknowledge_time()) {
    return absl::OkStatus();  // already in the record
  }
  const std::string& patient = referral.patient().ehr_patient_reference();
  if (patient.empty()) {
    // Erased on the patient's request, or not disclosed: nothing to attach
    // the feedback to.
    LogEvent("feedback_skipped", {{"feedback", event.feedback()},
                                  {"reason", "no_patient_reference"}});
    return absl::OkStatus();
  }
  FeedbackDelivery delivery{
      .feedback_name = found->name(),
      .referral_name = referral.name(),
      .ehr_patient_reference = patient,
      .welfare_organisation = referral.welfare_organisation(),
      .kind = found->kind(),
      .summary = found->content_withheld() ? "" : found->summary(),
      .content_withheld = found->content_withheld(),
      .send_time = absl::FromUnixSeconds(found->send_time().seconds())};
  if (absl::Status s = sink_->Deliver(delivery); !s.ok()) return s;
  LogEvent("feedback_written_to_ehr", {{"feedback", found->name()}});
  wor::v1::AcknowledgeFeedbackRequest ack;
  ack.set_name(found->name());
  ack.set_request_id(AcknowledgeRequestId(found->name()));
  absl::StatusOr<wor::v1::Feedback> acknowledged =
      feedback_.AcknowledgeFeedback(ack);
  if (!acknowledged.ok()) return acknowledged.status();
  LogEvent("feedback_acknowledged", {{"feedback", found->name()}});
  return absl::OkStatus();
}

bool FeedbackWriteback::WaitForRetry() {
  absl::MutexLock lock(&mutex_);
  mutex_.AwaitWithTimeout(absl::Condition(&stopped_), retry_backoff_);
  return !stopped_;
}

void FeedbackWriteback::Run() {
  for (;;) {
    {
      absl::MutexLock lock(&mutex_);
      if (stopped_) return;
    }
    absl::StatusOr<std::string> token = resume_token_->Load();
    if (!token.ok()) {
      LogEvent("writeback_resume_token_unreadable",
               {{"code", CodeName(token.status())}});
      if (!WaitForRetry()) return;
      continue;
    }
    wor::v1::WatchReferralsRequest request;
    request.set_resume_token(*token);
    request.set_practice_agb(practice_agb_);
    std::unique_ptr<wor::client::ReferralEventStream> stream =
        referrals_.WatchReferrals(request);
    {
      absl::MutexLock lock(&mutex_);
      if (stopped_) return;
      stream_ = stream.get();
    }
    LogEvent("writeback_watching",
             {{"resumed", token->empty() ? "no" : "yes"}});
    for (;;) {
      absl::StatusOr<wor::v1::ReferralEvent> event = stream->Next();
      if (!event.ok()) {
        LogEvent("writeback_stream_ended",
                 {{"code", CodeName(event.status())}});
        break;
      }
      bool handled = false;
      while (!handled) {
        absl::Status s = HandleEvent(*event);
        if (s.ok()) {
          handled = true;
          break;
        }
        LogEvent("writeback_retry",
                 {{"feedback", event->feedback()}, {"code", CodeName(s)}});
        if (!WaitForRetry()) break;
      }
      if (!handled) break;
      if (absl::Status s = resume_token_->Save(event->resume_token());
          !s.ok()) {
        LogEvent("writeback_resume_token_not_saved", {{"code", CodeName(s)}});
      }
    }
    {
      absl::MutexLock lock(&mutex_);
      stream_ = nullptr;
    }
    if (!WaitForRetry()) return;
  }
}

void FeedbackWriteback::Stop() {
  absl::MutexLock lock(&mutex_);
  stopped_ = true;
  if (stream_ != nullptr) stream_->Cancel();
}

}  // namespace wor::plugin
