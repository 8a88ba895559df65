// The coach's verbs on IntakeService: contact, intake, activity, complete
// (booking the intake is in slot_commands.cc).
#include "absl/status/statusor.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/value_parsers.h"
#include "wor/client/intake_connection.h"

namespace wor::client {
namespace {

// --at, or the time the command started.
absl::StatusOr<google::protobuf::Timestamp> AtOrNow(
    const CommandContext& context, const ParsedFlags& flags) {
  if (!flags.Has("at")) return ToTimestamp(context.now());
  return ParseTimeFlag(flags.Value("at"), "at", context.messages());
}

}  // namespace

int RunContact(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::RecordContactAttemptRequest request;
  wor::v1::ContactAttempt& attempt = *request.mutable_attempt();
  absl::StatusOr<google::protobuf::Timestamp> at = AtOrNow(context, flags);
  if (!at.ok()) return ReportUsageError(context, at.status(), "contact");
  *attempt.mutable_attempt_time() = *at;
  attempt.set_result(
      static_cast<wor::v1::ContactResult>(flags.EnumValue("result")));
  attempt.set_channel(
      flags.Has("channel")
          ? static_cast<wor::v1::ContactChannel>(flags.EnumValue("channel"))
          : wor::v1::CONTACT_CHANNEL_PHONE);
  return CallReferralVerb(context, flags, request,
                          &IntakeConnection::RecordContactAttempt);
}

int RunIntake(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::RecordIntakeRequest request;
  absl::StatusOr<google::protobuf::Timestamp> at = AtOrNow(context, flags);
  if (!at.ok()) return ReportUsageError(context, at.status(), "intake");
  *request.mutable_held_time() = *at;
  absl::StatusOr<wor::v1::PositiveHealthScores> scores =
      ParseScoresFlag(flags.Value("scores"), "scores", context.messages());
  if (!scores.ok()) return ReportUsageError(context, scores.status(), "intake");
  *request.mutable_scores() = *scores;
  return CallReferralVerb(context, flags, request,
                          &IntakeConnection::RecordIntake);
}

int RunActivity(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::ChooseActivityRequest request;
  request.set_category(flags.Value("category"));
  request.set_activity(flags.Value("activity"));
  return CallReferralVerb(context, flags, request,
                          &IntakeConnection::ChooseActivity);
}

int RunComplete(CommandContext& context, const ParsedFlags& flags) {
  wor::v1::CompleteReferralRequest request;
  request.set_outcome(
      static_cast<wor::v1::ReferralOutcome>(flags.EnumValue("outcome")));
  if (flags.Has("scores")) {
    absl::StatusOr<wor::v1::PositiveHealthScores> scores =
        ParseScoresFlag(flags.Value("scores"), "scores", context.messages());
    if (!scores.ok()) {
      return ReportUsageError(context, scores.status(), "complete");
    }
    *request.mutable_scores() = *scores;
  }
  return CallReferralVerb(context, flags, request,
                          &IntakeConnection::CompleteReferral);
}

}  // namespace wor::client
