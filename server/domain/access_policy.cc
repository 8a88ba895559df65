#include "server/domain/access_policy.h"

#include <array>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/domain/region_directory.h"

namespace wor::server {
namespace {

using wor::v1::UserRole;
constexpr UserRole kGp = wor::v1::USER_ROLE_GP;
constexpr UserRole kPoh = wor::v1::USER_ROLE_POH;
constexpr UserRole kCoach = wor::v1::USER_ROLE_COACH;
constexpr UserRole kCoordinator = wor::v1::USER_ROLE_COORDINATOR;
constexpr UserRole kAnalyst = wor::v1::USER_ROLE_PARTNER_ANALYST;
constexpr UserRole kPrivacyOfficer = wor::v1::USER_ROLE_PRIVACY_OFFICER;
constexpr UserRole kAdmin = wor::v1::USER_ROLE_ADMIN;

constexpr Relationship kNone = Relationship::kNoPatientData;
constexpr Relationship kPractice = Relationship::kReferringPractice;
constexpr Relationship kAssigned = Relationship::kAssignedOrganisation;
constexpr Relationship kRegion = Relationship::kWholeRegion;
constexpr Relationship kPartnerRegion = Relationship::kPartnerRegion;

#define WOR_REFERRAL(m) "wor.v1.ReferralService." #m
#define WOR_INTAKE(m) "wor.v1.IntakeService." #m
#define WOR_FEEDBACK(m) "wor.v1.FeedbackService." #m
#define WOR_CONSENT(m) "wor.v1.ConsentService." #m
#define WOR_AUDIT(m) "wor.v1.AuditService." #m
#define WOR_SCHEDULING(m) "wor.v1.SchedulingService." #m

// clang-format off
constexpr AccessRule kTable[] = {
  // Reference data: everyone with a valid identity.
  {"wor.v1.ReferralFormService.GetReferralForm", kGp, kNone},
  {"wor.v1.ReferralFormService.GetReferralForm", kPoh, kNone},
  {"wor.v1.ReferralFormService.GetReferralForm", kCoach, kNone},
  {"wor.v1.ReferralFormService.GetReferralForm", kCoordinator, kNone},
  {"wor.v1.ReferralFormService.GetReferralForm", kAnalyst, kNone},
  {"wor.v1.ReferralFormService.GetReferralForm", kPrivacyOfficer, kNone},
  {"wor.v1.ReferralFormService.GetReferralForm", kAdmin, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kGp, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kPoh, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kCoach, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kCoordinator, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kAnalyst, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kPrivacyOfficer, kNone},
  {"wor.v1.CatalogueService.GetActivityCatalogue", kAdmin, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kGp, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kPoh, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kCoach, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kCoordinator, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kAnalyst, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kPrivacyOfficer, kNone},
  {"wor.v1.CatalogueService.ExportCatalogueAsHsds", kAdmin, kNone},
  {"wor.v1.DiagnosticsService.Ping", kGp, kNone},
  {"wor.v1.DiagnosticsService.Ping", kPoh, kNone},
  {"wor.v1.DiagnosticsService.Ping", kCoach, kNone},
  {"wor.v1.DiagnosticsService.Ping", kCoordinator, kNone},
  {"wor.v1.DiagnosticsService.Ping", kAnalyst, kNone},
  {"wor.v1.DiagnosticsService.Ping", kPrivacyOfficer, kNone},
  {"wor.v1.DiagnosticsService.Ping", kAdmin, kNone},

  // The referrer's side: refer, follow, withdraw, read feedback.
  {WOR_REFERRAL(CreateReferral), kGp, kPractice},
  {WOR_REFERRAL(CreateReferral), kPoh, kPractice},
  {WOR_REFERRAL(GetReferral), kGp, kPractice},
  {WOR_REFERRAL(GetReferral), kPoh, kPractice},
  {WOR_REFERRAL(ListReferrals), kGp, kPractice},
  {WOR_REFERRAL(ListReferrals), kPoh, kPractice},
  {WOR_REFERRAL(WatchReferrals), kGp, kPractice},
  {WOR_REFERRAL(WatchReferrals), kPoh, kPractice},
  {WOR_REFERRAL(CancelReferral), kGp, kPractice},
  {WOR_REFERRAL(CancelReferral), kPoh, kPractice},
  {WOR_FEEDBACK(ListFeedback), kGp, kPractice},
  {WOR_FEEDBACK(ListFeedback), kPoh, kPractice},
  {WOR_FEEDBACK(AcknowledgeFeedback), kGp, kPractice},
  {WOR_FEEDBACK(AcknowledgeFeedback), kPoh, kPractice},
  {WOR_CONSENT(RecordConsent), kGp, kPractice},
  {WOR_CONSENT(RecordConsent), kPoh, kPractice},
  {WOR_CONSENT(GetConsent), kGp, kPractice},
  {WOR_CONSENT(GetConsent), kPoh, kPractice},
  {WOR_CONSENT(RevokeConsent), kGp, kPractice},
  {WOR_CONSENT(RevokeConsent), kPoh, kPractice},
  {WOR_CONSENT(GetConsentReceipt), kGp, kPractice},
  {WOR_CONSENT(GetConsentReceipt), kPoh, kPractice},

  // The welfare organisation's side: coaches and their coordinator.
  {WOR_REFERRAL(GetReferral), kCoach, kAssigned},
  {WOR_REFERRAL(GetReferral), kCoordinator, kAssigned},
  {WOR_REFERRAL(ListReferrals), kCoach, kAssigned},
  {WOR_REFERRAL(ListReferrals), kCoordinator, kAssigned},
  {WOR_REFERRAL(WatchReferrals), kCoach, kAssigned},
  {WOR_REFERRAL(WatchReferrals), kCoordinator, kAssigned},
  {WOR_REFERRAL(AcceptReferral), kCoach, kAssigned},
  {WOR_REFERRAL(AcceptReferral), kCoordinator, kAssigned},
  {WOR_REFERRAL(RejectReferral), kCoach, kAssigned},
  {WOR_REFERRAL(RejectReferral), kCoordinator, kAssigned},
  {WOR_REFERRAL(PutReferralOnHold), kCoach, kAssigned},
  {WOR_REFERRAL(PutReferralOnHold), kCoordinator, kAssigned},
  {WOR_REFERRAL(ResumeReferral), kCoach, kAssigned},
  {WOR_REFERRAL(ResumeReferral), kCoordinator, kAssigned},
  {WOR_INTAKE(RecordContactAttempt), kCoach, kAssigned},
  {WOR_INTAKE(RecordContactAttempt), kCoordinator, kAssigned},
  {WOR_INTAKE(FindIntakeSlots), kCoach, kAssigned},
  {WOR_INTAKE(FindIntakeSlots), kCoordinator, kAssigned},
  {WOR_INTAKE(ScheduleIntake), kCoach, kAssigned},
  {WOR_INTAKE(ScheduleIntake), kCoordinator, kAssigned},
  {WOR_INTAKE(CancelIntake), kCoach, kAssigned},
  {WOR_INTAKE(CancelIntake), kCoordinator, kAssigned},
  {WOR_INTAKE(RecordIntakeNoShow), kCoach, kAssigned},
  {WOR_INTAKE(RecordIntakeNoShow), kCoordinator, kAssigned},
  {WOR_INTAKE(RecordIntake), kCoach, kAssigned},
  {WOR_INTAKE(RecordIntake), kCoordinator, kAssigned},
  {WOR_INTAKE(ChooseActivity), kCoach, kAssigned},
  {WOR_INTAKE(ChooseActivity), kCoordinator, kAssigned},
  {WOR_INTAKE(CompleteReferral), kCoach, kAssigned},
  {WOR_INTAKE(CompleteReferral), kCoordinator, kAssigned},
  {WOR_FEEDBACK(SendFeedback), kCoach, kAssigned},
  {WOR_FEEDBACK(SendFeedback), kCoordinator, kAssigned},
  {WOR_FEEDBACK(ListFeedback), kCoach, kAssigned},
  {WOR_FEEDBACK(ListFeedback), kCoordinator, kAssigned},
  // The patient may also tell the coach they withdraw consent.
  {WOR_CONSENT(GetConsent), kCoach, kAssigned},
  {WOR_CONSENT(GetConsent), kCoordinator, kAssigned},
  {WOR_CONSENT(RevokeConsent), kCoach, kAssigned},
  {WOR_CONSENT(RevokeConsent), kCoordinator, kAssigned},
  {WOR_CONSENT(GetConsentReceipt), kCoach, kAssigned},
  {WOR_CONSENT(GetConsentReceipt), kCoordinator, kAssigned},
  // Availability and calendars: a coach their own, a coordinator any coach
  // of the organisation (checked by the scheduling workflow, which also
  // audits the referrals a calendar shows).
  {WOR_SCHEDULING(GetCoachAvailability), kCoach, kNone},
  {WOR_SCHEDULING(GetCoachAvailability), kCoordinator, kNone},
  {WOR_SCHEDULING(UpdateCoachAvailability), kCoach, kNone},
  {WOR_SCHEDULING(UpdateCoachAvailability), kCoordinator, kNone},
  {WOR_SCHEDULING(ExportCoachCalendar), kCoach, kNone},
  {WOR_SCHEDULING(ExportCoachCalendar), kCoordinator, kNone},

  // Coach time for the funders' budget report: the coach's own time.
  {WOR_INTAKE(LogCoachTime), kCoach, kAssigned},

  // Partners: anonymous aggregates, the consented pseudonymised export and
  // the budget, for the region this server serves.
  {"wor.v1.PartnerService.GetReferralStatistics", kAnalyst, kPartnerRegion},
  {"wor.v1.PartnerService.ExportPseudonymisedRecords", kAnalyst,
   kPartnerRegion},
  {"wor.v1.PartnerService.GetBudgetReport", kAnalyst, kPartnerRegion},

  // The privacy officer: the audit log and erasure, for the whole region.
  {WOR_AUDIT(ListAuditRecords), kPrivacyOfficer, kRegion},
  {WOR_AUDIT(VerifyAuditChain), kPrivacyOfficer, kRegion},
  {WOR_AUDIT(GetPatientAccessReport), kPrivacyOfficer, kRegion},
  {"wor.v1.PrivacyService.ErasePatientData", kPrivacyOfficer, kRegion},
};
// clang-format on

#undef WOR_REFERRAL
#undef WOR_INTAKE
#undef WOR_FEEDBACK
#undef WOR_CONSENT
#undef WOR_AUDIT
#undef WOR_SCHEDULING

std::string PracticeOrganisation(const std::string& agb) {
  return "agb:" + agb;
}

std::string WelfareOrganisationId(const std::string& resource_name) {
  constexpr absl::string_view kPrefix = "welfareOrganisations/";
  if (!absl::StartsWith(resource_name, kPrefix)) return "";
  return absl::StrCat("kvk:", resource_name.substr(kPrefix.size()));
}

}  // namespace

absl::Span<const AccessRule> AccessPolicyTable() { return kTable; }

std::optional<Relationship> FindAccessRule(absl::string_view method,
                                           wor::v1::UserRole role) {
  for (const AccessRule& rule : kTable) {
    if (rule.method == method && rule.role == role) return rule.relationship;
  }
  return std::nullopt;
}

absl::Status AuthorizeMethod(const CallContext& call) {
  if (FindAccessRule(call.method, call.caller.role)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("the role ", wor::v1::UserRole_Name(call.caller.role),
                   " may not call ", call.method));
}

bool CoversReferral(const CallContext& call,
                    const wor::v1::Referral& referral) {
  std::optional<Relationship> rule =
      FindAccessRule(call.method, call.caller.role);
  if (!rule) return false;
  switch (*rule) {
    case Relationship::kReferringPractice:
      return call.caller.organisation ==
             PracticeOrganisation(referral.referrer().practice_agb());
    case Relationship::kAssignedOrganisation:
      return call.caller.organisation ==
             WelfareOrganisationId(referral.welfare_organisation());
    case Relationship::kWholeRegion:
      return true;
    case Relationship::kNoPatientData:
    case Relationship::kPartnerRegion:
      return false;
  }
  return false;
}

absl::Status RestrictReferralFilter(const CallContext& call,
                                    ReferralFilter& filter) {
  std::optional<Relationship> rule =
      FindAccessRule(call.method, call.caller.role);
  const std::string& organisation = call.caller.organisation;
  if (rule == Relationship::kReferringPractice) {
    if (!filter.practice_agb.empty() &&
        PracticeOrganisation(filter.practice_agb) != organisation) {
      return absl::PermissionDeniedError(
          "practice_agb: you can list only your own practice's referrals");
    }
    filter.practice_agb = organisation.substr(4);  // after "agb:"
    return absl::OkStatus();
  }
  if (rule == Relationship::kAssignedOrganisation) {
    const std::string own = WelfareOrganisationName(organisation.substr(4));
    if (!filter.welfare_organisation.empty() &&
        filter.welfare_organisation != own) {
      return absl::PermissionDeniedError(
          "welfare_organisation: you can list only referrals assigned to "
          "your own organisation");
    }
    filter.welfare_organisation = own;
    return absl::OkStatus();
  }
  if (rule == Relationship::kWholeRegion) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("the role ", wor::v1::UserRole_Name(call.caller.role),
                   " may not list referrals"));
}

wor::v1::OrganisationKind OrganisationKindForRole(wor::v1::UserRole role) {
  switch (role) {
    case wor::v1::USER_ROLE_GP:
    case wor::v1::USER_ROLE_POH:
      return wor::v1::ORGANISATION_KIND_PRACTICE;
    case wor::v1::USER_ROLE_COACH:
    case wor::v1::USER_ROLE_COORDINATOR:
      return wor::v1::ORGANISATION_KIND_WELFARE_ORGANISATION;
    case wor::v1::USER_ROLE_PARTNER_ANALYST:
      return wor::v1::ORGANISATION_KIND_PARTNER;
    case wor::v1::USER_ROLE_PRIVACY_OFFICER:
    case wor::v1::USER_ROLE_ADMIN:
      return wor::v1::ORGANISATION_KIND_OPERATOR;
    default:
      return wor::v1::ORGANISATION_KIND_UNSPECIFIED;
  }
}

}  // namespace wor::server
