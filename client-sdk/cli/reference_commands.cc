// The commands that read reference data or check the server: form,
// catalogue, ping.
#include <chrono>

#include "absl/strings/str_cat.h"
#include "client-sdk/cli/call_helpers.h"
#include "client-sdk/cli/commands.h"
#include "client-sdk/cli/reference_printing.h"
#include "wor/client/catalogue_connection.h"
#include "wor/client/diagnostics_connection.h"
#include "wor/client/referral_form_connection.h"

namespace wor::client {

int RunForm(CommandContext& context, const ParsedFlags& /*flags*/) {
  wor::v1::GetReferralFormResponse response;
  const absl::Status status =
      CallUnary(context, &ReferralFormConnection::GetReferralForm,
                wor::v1::GetReferralFormRequest(), &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  PrintReferralForm(response.form(), context.messages(), context.out());
  return kExitOk;
}

int RunCatalogue(CommandContext& context, const ParsedFlags& flags) {
  if (flags.Has("hsds")) {
    wor::v1::ExportCatalogueAsHsdsResponse hsds;
    const absl::Status status =
        CallUnary(context, &CatalogueConnection::ExportCatalogueAsHsds,
                  wor::v1::ExportCatalogueAsHsdsRequest(), &hsds);
    if (!status.ok()) return ReportRpcError(context, status);
    context.out() << hsds.hsds_json();
    if (!hsds.hsds_json().empty() && hsds.hsds_json().back() != '\n') {
      context.out() << "\n";
    }
    return kExitOk;
  }
  wor::v1::GetActivityCatalogueResponse response;
  const absl::Status status =
      CallUnary(context, &CatalogueConnection::GetActivityCatalogue,
                wor::v1::GetActivityCatalogueRequest(), &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  PrintCatalogue(response.catalogue(), context.messages(), context.out());
  return kExitOk;
}

int RunPing(CommandContext& context, const ParsedFlags& /*flags*/) {
  const auto start = std::chrono::steady_clock::now();
  wor::v1::PingResponse response;
  const absl::Status status = CallUnary(context, &DiagnosticsConnection::Ping,
                                        wor::v1::PingRequest(), &response);
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  context.out() << context.messages().Format(
                       Msg::kPingOk, context.options().server,
                       absl::StrCat(static_cast<int>(ms * 10) / 10.0))
                << "\n";
  return kExitOk;
}

}  // namespace wor::client
