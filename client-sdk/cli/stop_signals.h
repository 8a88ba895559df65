// Turns Ctrl-C (SIGINT) and SIGTERM into a callback on a helper thread, so a
// blocking gRPC stream can be cancelled cleanly: a signal handler itself may
// not call into gRPC.
//
//   StopSignalListener listener([&stream] { stream->Cancel(); });
//   … read the stream …
//   if (listener.stopped()) return kExitOk;
//
// The handler only sets a flag, which the helper thread notices within 50 ms
// (a second signal ends the process at once, exit code 130);
// so it works whichever thread the signal lands on, also gRPC's threads that
// were started before the listener. The destructor stops the helper and puts
// the previous handlers back. Not copyable; one per process at a time.
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

  struct sigaction previous_interrupt_;
  struct sigaction previous_terminate_;
  std::function<void()> on_stop_;
  std::atomic<bool> done_{false};
  std::atomic<bool> stopped_{false};
  std::thread thread_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SDK_CLI_STOP_SIGNALS_H_
