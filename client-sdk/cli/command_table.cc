#include "client-sdk/cli/command_table.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "wor/v1/consent_service.pb.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/intake.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::client {
namespace {

FlagSpec Value(std::string name, std::string value_name) {
  FlagSpec flag;
  flag.name = std::move(name);
  flag.value_name = std::move(value_name);
  return flag;
}

FlagSpec Required(std::string name, std::string value_name) {
  FlagSpec flag = Value(std::move(name), std::move(value_name));
  flag.required = true;
  return flag;
}

FlagSpec Switch(std::string name) { return Value(std::move(name), ""); }

FlagSpec Enum(std::string name, std::string value_name, bool required,
              const google::protobuf::EnumDescriptor* (*type)()) {
  FlagSpec flag = Value(std::move(name), std::move(value_name));
  flag.required = required;
  flag.enum_type = type;
  return flag;
}

FlagSpec RepeatableEnum(std::string name, std::string value_name,
                        const google::protobuf::EnumDescriptor* (*type)()) {
  FlagSpec flag = Enum(std::move(name), std::move(value_name), false, type);
  flag.repeatable = true;
  return flag;
}

FlagSpec RequiredRepeatableEnum(
    std::string name, std::string value_name,
    const google::protobuf::EnumDescriptor* (*type)()) {
  FlagSpec flag = RepeatableEnum(std::move(name), std::move(value_name), type);
  flag.required = true;
  return flag;
}

std::vector<Command> BuildCommands() {
  const FlagSpec etag = Value("etag", "E");
  const FlagSpec request_id = Value("request-id", "ID");
  const std::vector<std::string> name_arg = {"NAME"};
  const FlagSpec coach = Value("coach", "welfareOrganisations/KVK/coaches/ID");
  return {
      {"create", {}, {Required("file", "FILE"), request_id}, RunCreate},
      {"login",
       {},
       {Value("profile", "NAME"), Value("server", "HOST:PORT"),
        Value("ca-file", "FILE"), Value("cert-file", "FILE"),
        Value("key-file", "FILE"), Value("token-file", "FILE"),
        Value("dev-identity", "ORG,USER,ROLE"), Value("lang", "nl|en"),
        Switch("no-check"), Switch("list")},
       RunLogin,
       /*local=*/true},
      {"logout", {}, {Value("profile", "NAME")}, RunLogout, /*local=*/true},
      {"referrals",
       {},
       {RepeatableEnum("state", "STATE", wor::v1::ReferralState_descriptor),
        Switch("all-coaches"),
        Value("coach", "welfareOrganisations/KVK/coaches/ID")},
       RunReferrals},
      {"show", name_arg, {}, RunShow},
      {"get", name_arg, {}, RunGet},
      {"list",
       {},
       {RepeatableEnum("state", "STATE", wor::v1::ReferralState_descriptor),
        Value("practice", "AGB"),
        Value("organisation", "welfareOrganisations/KVK"),
        Value("page-size", "N"), Switch("all")},
       RunList},
      {"accept", name_arg, {etag, request_id}, RunAccept},
      {"reject",
       name_arg,
       {Enum("reason", "REASON", true, wor::v1::RejectionReason_descriptor),
        etag, request_id},
       RunReject},
      {"cancel",
       name_arg,
       {Enum("reason", "REASON", true, wor::v1::CancellationReason_descriptor),
        etag, request_id},
       RunCancel},
      {"hold",
       name_arg,
       {Enum("reason", "REASON", true, wor::v1::HoldReason_descriptor), etag,
        request_id},
       RunHold},
      {"resume", name_arg, {etag, request_id}, RunResume},
      {"contact",
       name_arg,
       {Enum("result", "RESULT", true, wor::v1::ContactResult_descriptor),
        Enum("channel", "CHANNEL", false, wor::v1::ContactChannel_descriptor),
        Value("at", "RFC3339"), etag, request_id},
       RunContact},
      {"slots",
       name_arg,
       {coach, Value("from", "RFC3339"), Value("count", "N"),
        Value("duration", "MINUTES")},
       RunSlots},
      {"schedule",
       name_arg,
       {Value("at", "RFC3339"), Value("slot", "N"),
        Enum("location", "LOCATION", true, wor::v1::IntakeLocation_descriptor),
        coach, Value("duration", "MINUTES"),
        Enum("late-reason", "REASON", false,
             wor::v1::IntakeLateReason_descriptor),
        etag, request_id},
       RunSchedule},
      {"intake cancel",
       name_arg,
       {Enum("by", "WHO", true, wor::v1::IntakeCancelledBy_descriptor), etag,
        request_id},
       RunIntakeCancel},
      {"intake no-show", name_arg, {etag, request_id}, RunIntakeNoShow},
      {"intake",
       name_arg,
       {Required("scores", "B,M,ME,Q,P,D"), Value("at", "RFC3339"), etag,
        request_id},
       RunIntake},
      {"activity",
       name_arg,
       {Required("category", "ID"), Value("activity", "ID"), etag, request_id},
       RunActivity},
      {"complete",
       name_arg,
       {Enum("outcome", "OUTCOME", true, wor::v1::ReferralOutcome_descriptor),
        Value("scores", "B,M,ME,Q,P,D"), etag, request_id},
       RunComplete},
      {"feedback send",
       name_arg,
       {Enum("kind", "KIND", true, wor::v1::FeedbackKind_descriptor),
        Value("file", "FILE"), request_id},
       RunFeedbackSend},
      {"feedback list", name_arg, {}, RunFeedbackList},
      {"feedback ack", {"FEEDBACK_NAME"}, {request_id}, RunFeedbackAck},
      {"consent show", name_arg, {}, RunConsentShow},
      {"consent grant",
       name_arg,
       {RequiredRepeatableEnum("scope", "SCOPE",
                               wor::v1::ConsentScope_descriptor),
        Enum("method", "METHOD", true, wor::v1::ConsentMethod_descriptor),
        Required("obtained-by", "AGB"), Required("text-version", "V"),
        Value("at", "RFC3339"), etag, request_id},
       RunConsentGrant},
      {"consent revoke",
       name_arg,
       {RepeatableEnum("scope", "SCOPE", wor::v1::ConsentScope_descriptor),
        Switch("all"),
        Enum("method", "METHOD", true, wor::v1::ConsentMethod_descriptor), etag,
        request_id},
       RunConsentRevoke},
      {"consent receipt",
       name_arg,
       {Value("language", "nl|en")},
       RunConsentReceipt},
      {"form", {}, {}, RunForm},
      {"catalogue", {}, {Switch("hsds")}, RunCatalogue},
      {"watch",
       {},
       {Value("from", "TOKEN"), Value("practice", "AGB"),
        Value("organisation", "welfareOrganisations/KVK")},
       RunWatch},
      {"availability set",
       {},
       {RequiredRepeatableEnum("day", "WEEKDAY", wor::v1::Weekday_descriptor),
        Required("hours", "HH:MM-HH:MM"), coach},
       RunAvailabilitySet},
      {"report",
       {},
       {Value("from", "YYYY-MM-DD"), Value("to", "YYYY-MM-DD"),
        Value("out", "FILE")},
       RunReport},
      {"time log",
       name_arg,
       {Required("minutes", "N"), Value("day", "YYYY-MM-DD"), request_id},
       RunTimeLog},
      {"ping", {}, {}, RunPing},
      {"completion", {"SHELL"}, {}, RunCompletion, /*local=*/true},
  };
}

}  // namespace

const std::vector<Command>& AllCommands() {
  static const std::vector<Command>* const commands =
      new std::vector<Command>(BuildCommands());
  return *commands;
}

const Command* FindCommand(const std::vector<std::string>& words,
                           size_t* words_used) {
  const Command* best = nullptr;
  size_t best_words = 0;
  for (const Command& command : AllCommands()) {
    const std::vector<absl::string_view> path =
        absl::StrSplit(command.path, ' ');
    if (path.size() > words.size() || path.size() <= best_words) continue;
    bool matches = true;
    for (size_t i = 0; i < path.size() && matches; ++i) {
      matches = path[i] == words[i];
    }
    if (matches) {
      best = &command;
      best_words = path.size();
    }
  }
  *words_used = best_words;
  return best;
}

std::vector<const Command*> CommandsInGroup(absl::string_view group) {
  std::vector<const Command*> commands;
  for (const Command& command : AllCommands()) {
    if (absl::StartsWith(command.path, absl::StrCat(group, " "))) {
      commands.push_back(&command);
    }
  }
  return commands;
}

bool HasVerbOptions(const Command& command) {
  for (const FlagSpec& flag : command.flags) {
    if (flag.name == "etag") return true;
  }
  return false;
}

}  // namespace wor::client
