// The gRPC channel an Options describes, for sharing one channel between
// the connections of several services:
//
//   absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = MakeChannel(o);
//   if (!channel.ok()) return channel.status();
//   o.channel = *channel;
//   o.channel_is_secure = !o.ca_file.empty();
//
// Every Make…Connection() calls this itself when `options.channel` is unset.
#ifndef WOR_CLIENT_CHANNEL_H_
#define WOR_CLIENT_CHANNEL_H_

#include <memory>

#include "absl/status/statusor.h"
#include "grpcpp/channel.h"
#include "wor/client/options.h"

namespace wor::client {

// Reads the PEM files of `options` and creates the channel (it connects
// lazily, on the first call). INVALID_ARGUMENT names a file that cannot be
// read or options that do not fit together (a certificate without its key,
// a client certificate without `ca_file`).
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(
    const Options& options);

// Whether calls over the channel of `options` are encrypted.
bool UsesTls(const Options& options);

}  // namespace wor::client

#endif  // WOR_CLIENT_CHANNEL_H_
