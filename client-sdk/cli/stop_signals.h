// Turns Ctrl-C (SIGINT) and SIGTERM into a callback on a helper thread, so a
// blocking gRPC stream can be cancelled cleanly: a signal handler itself may
// not call into gRPC.
//
//   grpc::ClientContext call;
//   StopSignalListener listener([&call] { call.TryCancel(); });
//   … open the channel, read the stream …
//   if (listener.stopped()) return kExitOk;
//
// Construct it before the first channel: the signals are blocked in this
// thread and in every thread started after it (gRPC's), and only the helper
// thread waits for them. The destructor stops the helper and restores the
// signal mask. Not copyable; one per process at a time.
#ifndef WOR_CLIENT_SDK_CLI_STOP_SIGNALS_H_
#define WOR_CLIENT_SDK_CLI_STOP_SIGNALS_H_

#include <signal.h>

#include <atomic>
#include <functional>
#include <thread>

namespace wor::client {

class StopSignalListener {
 public:
  explicit StopSignalListener(std::function<void()> on_stop);
  ~StopSignalListener();

  StopSignalListener(const StopSignalListener&) = delete;
  StopSignalListener& operator=(const StopSignalListener&) = delete;

  // Whether a stop signal arrived (and the callback ran).
  bool stopped() const { return stopped_.load(); }

 private:
  void Listen();

  sigset_t signals_;
  sigset_t previous_mask_;
  std::function<void()> on_stop_;
  std::atomic<bool> done_{false};
  std::atomic<bool> stopped_{false};
  std::thread thread_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_STOP_SIGNALS_H_
