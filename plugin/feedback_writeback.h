// FeedbackWriteback: follows WatchReferrals for the practice and writes each
// piece of coach feedback into the EHR, then acknowledges it to wor-server —
// only after the EHR accepted it. Its place in the stream (the resume token)
// is saved after each event; after a restart it continues from there, and an
// event seen twice is harmless: feedback already acknowledged is skipped and
// the FHIR sink does not create a second Communication.
//
//   FeedbackWriteback worker(referrals, feedback, &sink, &token_file, agb);
//   std::thread thread([&] { worker.Run(); });
//   ...
//   worker.Stop();
//   thread.join();
#ifndef WOR_PLUGIN_FEEDBACK_WRITEBACK_H_
#define WOR_PLUGIN_FEEDBACK_WRITEBACK_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "plugin/ehr_feedback_sink.h"
#include "plugin/resume_token_file.h"
#include "wor/client/feedback_client.h"
#include "wor/client/referral_client.h"

namespace wor::plugin {

class FeedbackWriteback {
 public:
  FeedbackWriteback(wor::client::ReferralClient referrals,
                    wor::client::FeedbackClient feedback, EhrFeedbackSink* sink,
                    ResumeTokenFile* resume_token, std::string practice_agb,
                    absl::Duration retry_backoff = absl::Seconds(2))
      : referrals_(std::move(referrals)),
        feedback_(std::move(feedback)),
        sink_(sink),
        resume_token_(resume_token),
        practice_agb_(std::move(practice_agb)),
        retry_backoff_(retry_backoff) {}

  // Follows the stream until Stop(). Blocks.
  void Run();
  // Ends Run() soon; from any thread.
  void Stop();

  // Writes and acknowledges the feedback an event names (FEEDBACK_SENT
  // events; others are OK at once). UNAVAILABLE and other failures mean:
  // try the same event again.
  absl::Status HandleEvent(const wor::v1::ReferralEvent& event);

 private:
  bool WaitForRetry();  // false when stopped

  wor::client::ReferralClient referrals_;
  wor::client::FeedbackClient feedback_;
  EhrFeedbackSink* sink_;
  ResumeTokenFile* resume_token_;
  const std::string practice_agb_;
  const absl::Duration retry_backoff_;

  absl::Mutex mutex_;
  bool stopped_ ABSL_GUARDED_BY(mutex_) = false;
  wor::client::ReferralEventStream* stream_ ABSL_GUARDED_BY(mutex_) = nullptr;
};

// request_id of the acknowledgement of `feedback_name`: the same on every
// attempt and after a restart.
std::string AcknowledgeRequestId(const std::string& feedback_name);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_FEEDBACK_WRITEBACK_H_
