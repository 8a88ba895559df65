// The shared shape of the commands that call the server: make the call with
// the --timeout deadline, then print the answer (human or --json) or report
// the failure with its exit code. Every call to the server goes through the
// helpers here (CallUnary, CallReferralVerb, OpenServerStream): no command
// makes a stub of its own, so moving the client onto the C++ SDK changes
// this file only.
//
//   wor::v1::RejectReferralRequest request;
//   request.set_reason(…);
//   return CallReferralVerb(context, flags, request,
//                           &wor::v1::ReferralService::Stub::RejectReferral);
#ifndef WOR_CLIENT_SDK_CLI_CALL_HELPERS_H_
#define WOR_CLIENT_SDK_CLI_CALL_HELPERS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "client-sdk/cli/command_context.h"
#include "client-sdk/cli/error_reporting.h"
#include "client-sdk/cli/exit_codes.h"
#include "client-sdk/cli/flag_parser.h"
#include "client-sdk/cli/json_output.h"
#include "client-sdk/cli/referral_printing.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"
#include "grpcpp/support/sync_stream.h"
#include "wor/v1/referral.pb.h"

namespace wor::client {

// The --request-id flag, else a fresh UUID v4.
absl::StatusOr<std::string> RequestIdFor(const ParsedFlags& flags,
                                         const Messages& messages);

// Prints `message` as JSON; a failure to encode is exit code 1.
int PrintJsonResult(CommandContext& context,
                    const google::protobuf::Message& message);

// Prints a response that carries the referral after a create or a verb:
// the whole response with --json, else the referral's summary.
template <typename Response>
int FinishReferralChange(CommandContext& context, const grpc::Status& status,
                         const Response& response) {
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  ReferralPrinter(context.out(), context.messages(), context.now(),
                  context.time_zone())
      .PrintSummary(response.referral());
  return kExitOk;
}

// Makes one unary call on a fresh stub of the stub's service.
template <typename Stub, typename Request, typename Response>
grpc::Status CallUnary(CommandContext& context,
                       grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                    const Request&, Response*),
                       const Request& request, Response* response) {
  Stub stub(context.Channel());
  grpc::ClientContext call;
  context.AddIdentity(call);
  context.SetDeadline(call);
  return (stub.*method)(&call, request, response);
}

// Opens a server stream on a fresh stub of the stub's service, without a
// deadline (it runs until `call` is cancelled or the server ends it). The
// caller owns `call` and reads the stream.
template <typename Stub, typename Request, typename Response>
std::unique_ptr<grpc::ClientReader<Response>> OpenServerStream(
    CommandContext& context,
    std::unique_ptr<grpc::ClientReader<Response>> (Stub::*method)(
        grpc::ClientContext*, const Request&),
    const Request& request, grpc::ClientContext& call) {
  Stub stub(context.Channel());
  context.AddIdentity(call);
  return (stub.*method)(&call, request);
}

// Runs a verb on the referral named by the first positional argument: fills
// in name, --etag and the request id, calls, prints the result.
template <typename Stub, typename Request, typename Response>
int CallReferralVerb(CommandContext& context, const ParsedFlags& flags,
                     Request request,
                     grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                  const Request&, Response*)) {
  request.set_name(flags.positional(0));
  request.set_etag(flags.Value("etag"));
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);
  Response response;
  const grpc::Status status = CallUnary(context, method, request, &response);
  return FinishReferralChange(context, status, response);
}

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_CALL_HELPERS_H_
