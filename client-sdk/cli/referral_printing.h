// The human-readable output of referrals and referral events.
//
// Only `PrintDetail` shows the patient, and only what the server disclosed
// to the caller: it is the coach's or GP's own screen (`wor get`).
// Summaries, list lines, event lines and consent records carry no patient
// data, so they are safe to paste into a ticket or a log.
#ifndef WOR_CLIENT_SDK_CLI_REFERRAL_PRINTING_H_
#define WOR_CLIENT_SDK_CLI_REFERRAL_PRINTING_H_

#include <iosfwd>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "client-sdk/cli/messages.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::client {

class ReferralPrinter {
 public:
  // `now` decides whether a pending deadline is shown as overdue; times are
  // shown in `zone`.
  ReferralPrinter(std::ostream& out, const Messages& messages, absl::Time now,
                  absl::TimeZone zone)
      : out_(out), messages_(messages), now_(now), zone_(zone) {}

  // The name on the first line (for scripts), then state, deadlines and
  // etag: the answer to a create or a verb.
  void PrintSummary(const wor::v1::Referral& referral) const;

  // Everything the coach works with, including the patient's contact
  // details and question.
  void PrintDetail(const wor::v1::Referral& referral) const;

  // One line: name, state, first-contact limit due date, intake due date.
  void PrintListLine(const wor::v1::Referral& referral) const;

  // One line: resume token, event type, referral name, state.
  void PrintEventLine(const wor::v1::ReferralEvent& event) const;

  // The consent in force on `referral_name`, how it was obtained, and every
  // grant and revocation (`wor consent …`).
  void PrintConsent(absl::string_view referral_name,
                    const wor::v1::ConsentRecord& consent) const;

 private:
  void Line(Msg label, const std::string& value) const;
  void PrintState(const wor::v1::Referral& referral) const;
  void PrintPatient(const wor::v1::Referral& referral) const;
  void PrintDeadlines(const wor::v1::ReferralDeadlines& deadlines) const;
  void PrintProgress(const wor::v1::Referral& referral) const;
  std::string DeadlineText(const wor::v1::Deadline& deadline) const;
  // "share-with-coach, feedback-to-referrer", or that none is in force.
  std::string ScopesText(const wor::v1::ConsentRecord& consent) const;

  std::ostream& out_;
  const Messages& messages_;
  absl::Time now_;
  absl::TimeZone zone_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_REFERRAL_PRINTING_H_
