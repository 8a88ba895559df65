// The handlers of the `wor` commands, one per command. Each gets the
// parsed arguments its command_table.cc entry declares (so positionals and
// required flags are present and enum flags valid) and returns the exit code.
#ifndef WOR_CLIENT_SDK_CLI_COMMANDS_H_
#define WOR_CLIENT_SDK_CLI_COMMANDS_H_

#include "client-sdk/cli/command_context.h"
#include "client-sdk/cli/flag_parser.h"
#include "wor/v1/referral.pb.h"

namespace wor::client {

using CommandHandler = int (*)(CommandContext& context,
                               const ParsedFlags& flags);

// referral_commands.cc: ReferralService.
int RunCreate(CommandContext& context, const ParsedFlags& flags);
int RunGet(CommandContext& context, const ParsedFlags& flags);
int RunList(CommandContext& context, const ParsedFlags& flags);
int RunAccept(CommandContext& context, const ParsedFlags& flags);
int RunReject(CommandContext& context, const ParsedFlags& flags);
int RunCancel(CommandContext& context, const ParsedFlags& flags);
int RunHold(CommandContext& context, const ParsedFlags& flags);
int RunResume(CommandContext& context, const ParsedFlags& flags);
// `get` for the referral named by the first argument: prints it in full (or
// the response as JSON); `shown`, when given, receives it after a text
// print. Shared with `show`.
int GetAndPrintReferral(CommandContext& context, const ParsedFlags& flags,
                        wor::v1::Referral* shown);

// worklist_command.cc: the coach's worklist and the detail view.
int RunReferrals(CommandContext& context, const ParsedFlags& flags);
int RunShow(CommandContext& context, const ParsedFlags& flags);

// intake_commands.cc: IntakeService.
int RunContact(CommandContext& context, const ParsedFlags& flags);
int RunIntake(CommandContext& context, const ParsedFlags& flags);
int RunActivity(CommandContext& context, const ParsedFlags& flags);
int RunComplete(CommandContext& context, const ParsedFlags& flags);

// slot_commands.cc: finding slots and booking the intake.
int RunSlots(CommandContext& context, const ParsedFlags& flags);
int RunSchedule(CommandContext& context, const ParsedFlags& flags);
int RunIntakeCancel(CommandContext& context, const ParsedFlags& flags);
int RunIntakeNoShow(CommandContext& context, const ParsedFlags& flags);

// availability_command.cc: SchedulingService.UpdateCoachAvailability.
int RunAvailabilitySet(CommandContext& context, const ParsedFlags& flags);

// login_commands.cc: saved profiles (profiles.h); no server call but the
// check of `wor login`.
int RunLogin(CommandContext& context, const ParsedFlags& flags);
int RunLogout(CommandContext& context, const ParsedFlags& flags);

// completion.cc: shell completion from the command table.
int RunCompletion(CommandContext& context, const ParsedFlags& flags);

// feedback_commands.cc: FeedbackService.
int RunFeedbackSend(CommandContext& context, const ParsedFlags& flags);
int RunFeedbackList(CommandContext& context, const ParsedFlags& flags);
int RunFeedbackAck(CommandContext& context, const ParsedFlags& flags);

// consent_commands.cc: ConsentService.
int RunConsentShow(CommandContext& context, const ParsedFlags& flags);
int RunConsentGrant(CommandContext& context, const ParsedFlags& flags);
int RunConsentRevoke(CommandContext& context, const ParsedFlags& flags);
int RunConsentReceipt(CommandContext& context, const ParsedFlags& flags);

// reference_commands.cc: form, catalogue, ping.
int RunForm(CommandContext& context, const ParsedFlags& flags);
int RunCatalogue(CommandContext& context, const ParsedFlags& flags);
int RunPing(CommandContext& context, const ParsedFlags& flags);

// watch_command.cc: ReferralService.WatchReferrals until Ctrl-C.
int RunWatch(CommandContext& context, const ParsedFlags& flags);

// report_command.cc
int RunReport(CommandContext& context, const ParsedFlags& flags);
int RunTimeLog(CommandContext& context, const ParsedFlags& flags);

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_COMMANDS_H_
