#include "client-sdk/cli/stop_signals.h"

#include <pthread.h>

#include <ctime>

namespace wor::client {

StopSignalListener::StopSignalListener(std::function<void()> on_stop)
    : on_stop_(std::move(on_stop)) {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
  thread_ = std::thread([this] { Listen(); });
}

StopSignalListener::~StopSignalListener() {
  done_.store(true);
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void StopSignalListener::Listen() {
  // Wakes up now and then to notice the destructor; signals are rare.
  const timespec poll_interval = {0, 100 * 1000 * 1000};
  while (!done_.load()) {
    if (sigtimedwait(&signals_, nullptr, &poll_interval) > 0) {
      stopped_.store(true);
      on_stop_();
      return;
    }
  }
}

}  // namespace wor::client
