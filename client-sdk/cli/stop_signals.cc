#include "client-sdk/cli/stop_signals.h"

#include <unistd.h>

#include <chrono>

namespace wor::client {
namespace {

// Set by the signal handler, read by the listener's thread. A handler can
// reach nothing else; lock-free atomics are safe to touch in one.
std::atomic<bool> stop_signal_seen{false};
static_assert(std::atomic<bool>::is_always_lock_free);

// A second signal ends the process at once (exit code 130, as a shell
// reports Ctrl-C), in case the first one's cancellation is stuck.
extern "C" void OnStopSignal(int) {
  if (stop_signal_seen.exchange(true)) _exit(130);
}

}  // namespace

StopSignalListener::StopSignalListener(std::function<void()> on_stop)
    : on_stop_(std::move(on_stop)) {
  stop_signal_seen.store(false);
  struct sigaction action = {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous_interrupt_);
  sigaction(SIGTERM, &action, &previous_terminate_);
  thread_ = std::thread([this] { Listen(); });
}

StopSignalListener::~StopSignalListener() {
  done_.store(true);
  thread_.join();
  sigaction(SIGINT, &previous_interrupt_, nullptr);
  sigaction(SIGTERM, &previous_terminate_, nullptr);
}

void StopSignalListener::Listen() {
  while (!done_.load()) {
    if (stop_signal_seen.load()) {
      stopped_.store(true);
      on_stop_();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace wor::client
