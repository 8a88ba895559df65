// wor: the Welzijn op Recept command-line client for welfare coaches.
//
//   wor --server 127.0.0.1:50051 list --state accepted
//   wor help
//
// Reads the environment's defaults (WOR_SERVER, WOR_LANG) and hands
// everything else to RunCli(). Nothing else lives here.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "client-sdk/cli/cli_app.h"

namespace {

std::string EnvironmentValue(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const wor::client::OptionDefaults defaults = {
      .server = EnvironmentValue("WOR_SERVER"),
      .language = EnvironmentValue("WOR_LANG"),
  };
  return wor::client::RunCli(args, defaults, std::cin, std::cout, std::cerr,
                             absl::Now());
}
