// The short texts of the `wor` client in Dutch and English: labels of the
// human-readable output, usage errors and the hints shown with server errors.
// The longer help texts live in help_texts.h.
//
//   Messages messages(Language::kEnglish);
//   err << messages.Format(Msg::kUnknownCommand, "lsit");
//
// Messages is an immutable value; safe to share between threads.
#ifndef WOR_CLIENT_SDK_CLI_MESSAGES_H_
#define WOR_CLIENT_SDK_CLI_MESSAGES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/strings/substitute.h"
#include "wor/v1/common.pb.h"

namespace wor::client {

// The language of help texts and messages. Dutch is the default: the users
// are Dutch welfare coaches.
enum class Language { kDutch, kEnglish };

// Parses "nl" or "en" (case-insensitive).
absl::StatusOr<Language> ParseLanguage(absl::string_view code);

// Identifies one text. Texts with $0, $1, … take arguments (absl::Substitute).
enum class Msg {
  // Usage errors.
  kNoCommand,
  kUnknownCommand,
  kUnknownFlag,
  kFlagNeedsValue,
  kFlagTakesNoValue,
  kFlagRequired,
  kFlagOnce,
  kMissingArgument,
  kUnexpectedArgument,
  kBadEnumValue,
  kAmbiguousEnumValue,
  kBadTime,
  kBadScores,
  kBadNumber,
  kBadLanguage,
  kBadTimeout,
  kCannotRead,
  kBadTextproto,
  kEmptySummary,
  kRandomFailed,
  kSeeHelp,
  kRevokeScopeOrAll,
  // Connection and identity options (connection_security.h).
  kBadDevIdentity,
  kCertNeedsKey,
  kCertNeedsCa,
  kTokenTwice,
  kTokenNeedsTls,
  kDevIdentityNeedsPlaintext,
  kCannotReadOptionFile,
  kNotPem,
  kEmptyToken,
  kBadToken,
  // Hints shown above a server's error message.
  kHintNotFound,
  kHintInvalidArgument,
  kHintFailedPrecondition,
  kHintAlreadyExists,
  kHintAborted,
  kHintUnavailable,
  kHintDeadlineExceeded,
  kHintOther,
  kHintMaybeTls,
  kHintTlsRefused,
  kHintClientCertificateMissing,
  kHintUnauthenticated,
  kHintTokenExpired,
  kHintTokenNotYetValid,
  kHintTokenMissing,
  kHintTokenWrongOrganisation,
  kHintRoleNotOfOrganisation,
  kHintCertificateRefused,
  kHintDevIdentityRefused,
  kHintPermissionDenied,
  // Labels of the human-readable output.
  kLabelState,
  kLabelHeldState,
  kLabelHoldReason,
  kLabelRejectionReason,
  kLabelCancellationReason,
  kLabelOrganisation,
  kLabelRegion,
  kLabelReferrer,
  kLabelPractice,
  kLabelPatient,
  kLabelBorn,
  kLabelPhone,
  kLabelEmail,
  kLabelAddress,
  kLabelContactTimes,
  kLabelLanguage,
  kLabelIndicators,
  kLabelQuestion,
  kLabelDeadlines,
  kLabelContactTarget,
  kLabelContactLimit,
  kLabelIntakeDeadline,
  kLabelMetAt,
  kLabelOverdue,
  kLabelContactAttempts,
  kLabelIntake,
  kLabelScheduled,
  kLabelHeld,
  kLabelScores,
  kLabelActivity,
  kLabelClosing,
  kLabelCreated,
  kLabelUpdated,
  kLabelEtag,
  kLabelFeedbackKind,
  kLabelSent,
  kLabelAcknowledged,
  kLabelNotAcknowledged,
  kLabelSummary,
  kLabelConsent,
  kLabelConsentObtained,
  kLabelConsentHistory,
  kConsentNone,
  kConsentGranted,
  kConsentRevoked,
  kConsentBy,
  kConsentTextVersion,
  kPatientWithheld,
  kPatientErased,
  // Other output.
  kPingOk,
  kMorePages,
  kNoReferrals,
  kNoFeedback,
  kWatching,
  kFormTitle,
  kRequired,
  kOptions,
  kRefusingAnswer,
  kMaxLength,
  kCatalogueTitle,
  kNoActivities,
  // Help.
  kHelpUsage,
  kHelpCommands,
  kHelpGlobal,
  kHelpIdentity,
  kHelpExitCodes,
  kHelpMore,
  kHelpAllowedValues,
  kHelpVerbOptions,
  kHelpSubcommands,
};

// The texts in one language.
class Messages {
 public:
  explicit Messages(Language language) : language_(language) {}

  Language language() const { return language_; }

  // The text of `id` in this language, with its $n placeholders unfilled.
  absl::string_view Text(Msg id) const;

  // The text of `id` with its placeholders filled from `args`.
  template <typename... Args>
  std::string Format(Msg id, const Args&... args) const {
    return absl::Substitute(Text(id), args...);
  }

  // Picks this language from a server-provided text, falling back to the
  // other language when this one is empty.
  const std::string& Pick(const wor::v1::LocalizedText& text) const;

  // Picks between two literals, for texts kept next to their use.
  absl::string_view Pick(absl::string_view nl, absl::string_view en) const {
    return language_ == Language::kDutch ? nl : en;
  }

 private:
  Language language_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_MESSAGES_H_
