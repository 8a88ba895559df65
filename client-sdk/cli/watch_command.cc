// `wor watch`: follows ReferralService.WatchReferrals until Ctrl-C, one line
// per event. The events carry whole referrals; what is printed never
// includes patient data, in human and --json output alike, so the output
// can be piped into logs and dashboards.
#include "absl/synchronization/mutex.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/stop_signals.h"
#include "wor/client/referral_connection.h"

namespace wor::client {
namespace {

// The event with only the referral's identity, lifecycle and deadlines.
wor::v1::WatchReferralsResponse WithoutPatientData(
    const wor::v1::WatchReferralsResponse& response) {
  const wor::v1::ReferralEvent& event = response.event();
  const wor::v1::Referral& full = event.referral();
  wor::v1::WatchReferralsResponse redacted;
  wor::v1::ReferralEvent& copy = *redacted.mutable_event();
  copy.set_resume_token(event.resume_token());
  copy.set_type(event.type());
  *copy.mutable_event_time() = event.event_time();
  copy.set_feedback(event.feedback());
  wor::v1::Referral& referral = *copy.mutable_referral();
  referral.set_name(full.name());
  referral.set_welfare_organisation(full.welfare_organisation());
  referral.set_region(full.region());
  referral.set_state(full.state());
  referral.set_held_state(full.held_state());
  referral.set_hold_reason(full.hold_reason());
  referral.set_rejection_reason(full.rejection_reason());
  referral.set_cancellation_reason(full.cancellation_reason());
  *referral.mutable_deadlines() = full.deadlines();
  referral.set_etag(full.etag());
  *referral.mutable_create_time() = full.create_time();
  *referral.mutable_update_time() = full.update_time();
  return redacted;
}

}  // namespace

int RunWatch(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::WatchReferralsRequest request;
  request.set_resume_token(flags.Value("from"));
  request.set_practice_agb(flags.Value("practice"));
  request.set_welfare_organisation(flags.Value("organisation"));

  // Runs until Ctrl-C or SIGTERM; a restarting server is followed from the
  // last event. A signal may come before the stream exists; the stream
  // outlives the listener.
  absl::Mutex mu;
  std::unique_ptr<ReferralEventStream> events;
  bool stop_requested = false;
  StopSignalListener listener([&] {
    absl::MutexLock lock(&mu);
    stop_requested = true;
    if (events) events->Cancel();
  });
  {
    std::unique_ptr<ReferralEventStream> opened = OpenWatch(context, request);
    absl::MutexLock lock(&mu);
    events = std::move(opened);
    if (stop_requested) events->Cancel();
  }
  if (!context.options().json) {
    context.err() << context.messages().Format(Msg::kWatching,
                                               context.options().server)
                  << std::endl;
  }

  const ReferralPrinter printer(context.out(), context.messages(),
                                context.now(), context.time_zone());
  for (;;) {
    absl::StatusOr<wor::v1::ReferralEvent> event = events->Next();
    if (!event.ok()) {
      if (listener.stopped()) return kExitOk;
      return ReportRpcError(context, event.status());
    }
    if (context.options().json) {
      wor::v1::WatchReferralsResponse response;
      *response.mutable_event() = *std::move(event);
      const int code = PrintJsonResult(context, WithoutPatientData(response));
      if (code != kExitOk) return code;
    } else {
      printer.PrintEventLine(*event);
    }
    // One line per event as it happens, also into a pipe or a file.
    context.out().flush();
  }
}

}  // namespace wor::client
