#include "server/service/reference_data_services.h"

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/domain/coach_names.h"
#include "server/domain/hsds_export.h"
#include "server/domain/referral_form.h"

namespace wor::server {
namespace {

// NOT_FOUND unless `region` is empty or the one this server serves.
absl::Status CheckServedRegion(const RegionDirectory& served,
                               const std::string& region) {
  if (region.empty() || region == served.region_name()) {
    return absl::OkStatus();
  }
  return absl::NotFoundError(
      absl::StrCat("region: this server serves ", served.region_name(),
                   "; leave region empty or ask that region's server"));
}

}  // namespace

grpc::Status ReferralFormServiceImpl::GetReferralForm(
    grpc::ServerContext* context, const wor::v1::GetReferralFormRequest*,
    wor::v1::GetReferralFormResponse* response) {
  return runner_->Run(context, "wor.v1.ReferralFormService.GetReferralForm",
                      [&](const CallContext&) {
                        *response->mutable_form() = TheReferralForm();
                        return absl::OkStatus();
                      });
}

grpc::Status CatalogueServiceImpl::GetActivityCatalogue(
    grpc::ServerContext* context,
    const wor::v1::GetActivityCatalogueRequest* request,
    wor::v1::GetActivityCatalogueResponse* response) {
  return runner_->Run(
      context, "wor.v1.CatalogueService.GetActivityCatalogue",
      [&](const CallContext&) -> absl::Status {
        WOR_RETURN_IF_ERROR(CheckServedRegion(*region_, request->region()));
        *response->mutable_catalogue() = region_->catalogue();
        return absl::OkStatus();
      });
}

grpc::Status CatalogueServiceImpl::ExportCatalogueAsHsds(
    grpc::ServerContext* context,
    const wor::v1::ExportCatalogueAsHsdsRequest* request,
    wor::v1::ExportCatalogueAsHsdsResponse* response) {
  return runner_->Run(
      context, "wor.v1.CatalogueService.ExportCatalogueAsHsds",
      [&](const CallContext&) -> absl::Status {
        WOR_RETURN_IF_ERROR(CheckServedRegion(*region_, request->region()));
        response->set_hsds_json(
            CatalogueAsHsdsJson(region_->catalogue(), region_->region_name()));
        return absl::OkStatus();
      });
}

grpc::Status DiagnosticsServiceImpl::Ping(grpc::ServerContext* context,
                                          const wor::v1::PingRequest*,
                                          wor::v1::PingResponse* response) {
  return runner_->Run(context, "wor.v1.DiagnosticsService.Ping",
                      [response](const CallContext& call) {
                        // Only the caller's own identity: no patient data,
                        // nothing to audit.
                        response->set_organisation(call.caller.organisation);
                        response->set_user(call.caller.user);
                        response->set_role(call.caller.role);
                        absl::StatusOr<CoachName> coach =
                            CallingCoach("coach", call);
                        if (coach.ok()) response->set_coach(coach->Name());
                        return absl::OkStatus();
                      });
}

}  // namespace wor::server
