// The shared shape of the commands that call the server: make the call
// through the C++ SDK (identity, --timeout, retries of idempotent calls),
// then print the answer (human or --json) or report the failure with its
// exit code. Every call to the server goes through the helpers here; no
// command makes a connection of its own.
//
//   wor::v1::RejectReferralRequest request;
//   request.set_reason(…);
//   return CallReferralVerb(context, flags, request,
//                           &ReferralConnection::RejectReferral);
#ifndef WOR_CLIENT_SDK_CLI_CALL_HELPERS_H_
#define WOR_CLIENT_SDK_CLI_CALL_HELPERS_H_

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "client-sdk/cli/command_context.h"
#include "client-sdk/cli/error_reporting.h"
#include "client-sdk/cli/exit_codes.h"
#include "client-sdk/cli/flag_parser.h"
#include "client-sdk/cli/json_output.h"
#include "client-sdk/cli/referral_printing.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "wor/client/referral_event_stream.h"
#include "wor/client/stream_range.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

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
int FinishReferralChange(CommandContext& context, const absl::Status& status,
                         const Response& response) {
  if (!status.ok()) return ReportRpcError(context, status);
  if (context.options().json) return PrintJsonResult(context, response);
  ReferralPrinter(context.out(), context.messages(), context.now(),
                  context.time_zone())
      .PrintSummary(response.referral());
  return kExitOk;
}

// Makes one unary call through the SDK connection of `method`'s service;
// on success the answer is in `response`.
template <typename Connection, typename Request, typename Response>
absl::Status CallUnary(
    CommandContext& context,
    absl::StatusOr<Response> (Connection::*method)(const Request&),
    const Request& request, Response* response) {
  std::shared_ptr<Connection> connection = context.Connect<Connection>();
  absl::StatusOr<Response> answer = ((*connection).*method)(request);
  if (!answer.ok()) return answer.status();
  *response = *std::move(answer);
  return absl::OkStatus();
}

// Gathers the items of a paged list through the SDK's range into `items`:
// all of them, or at most `limit` when it is positive, with `more` telling
// whether the list goes on.
template <typename Connection, typename Request, typename Item>
absl::Status CallList(CommandContext& context,
                      StreamRange<Item> (Connection::*method)(Request),
                      Request request,
                      google::protobuf::RepeatedPtrField<Item>* items,
                      int limit = 0, bool* more = nullptr) {
  std::shared_ptr<Connection> connection = context.Connect<Connection>();
  if (more != nullptr) *more = false;
  for (absl::StatusOr<Item>& item :
       ((*connection).*method)(std::move(request))) {
    if (!item.ok()) return item.status();
    if (limit > 0 && items->size() == limit) {
      if (more != nullptr) *more = true;
      break;
    }
    *items->Add() = *std::move(item);
  }
  return absl::OkStatus();
}

// Follows WatchReferralsRequest through the SDK's resuming stream (no
// deadline). After the first event it waits for a server that went away to
// come back; before it, it gives up after about two minutes of attempts.
std::unique_ptr<ReferralEventStream> OpenWatch(
    CommandContext& context, const wor::v1::WatchReferralsRequest& request);

// Runs a verb on the referral named by the first positional argument: fills
// in name, --etag and the request id, calls, prints the result.
template <typename Connection, typename Request, typename Response>
int CallReferralVerb(
    CommandContext& context, const ParsedFlags& flags, Request request,
    absl::StatusOr<Response> (Connection::*method)(const Request&)) {
  request.set_name(flags.positional(0));
  request.set_etag(flags.Value("etag"));
  absl::StatusOr<std::string> request_id =
      RequestIdFor(flags, context.messages());
  if (!request_id.ok()) return ReportLocalError(context, request_id.status());
  request.set_request_id(*request_id);
  Response response;
  const absl::Status status = CallUnary(context, method, request, &response);
  return FinishReferralChange(context, status, response);
}

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_CALL_HELPERS_H_
