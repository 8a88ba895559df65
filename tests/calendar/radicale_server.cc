#include "tests/calendar/radicale_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace wor::server {
namespace {

absl::StatusOr<int> FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return absl::InternalError("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    close(fd);
    return absl::InternalError("cannot find a free port");
  }
  const int port = ntohs(address.sin_port);
  close(fd);
  return port;
}

int ConnectLoopback(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) !=
      0) {
    close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RadicaleServer>> RadicaleServer::Start(
    const std::string& dir) {
  const std::string users = dir + "/users";
  std::ofstream(users) << kUser << ":" << kPassword << "\n";
  absl::StatusOr<int> port = FreeLoopbackPort();
  if (!port.ok()) return port.status();
  const std::string hosts = absl::StrCat("127.0.0.1:", *port);
  const std::string storage = dir + "/collections";
  const std::string log = dir + "/radicale.log";
  std::vector<std::string> args = {"/usr/bin/python3",
                                   "-m",
                                   "radicale",
                                   "--config",
                                   "",
                                   "--server-hosts",
                                   hosts,
                                   "--storage-filesystem-folder",
                                   storage,
                                   "--auth-type",
                                   "htpasswd",
                                   "--auth-htpasswd-filename",
                                   users,
                                   "--auth-htpasswd-encryption",
                                   "plain",
                                   "--auth-delay",
                                   "0",
                                   "--rights-type",
                                   "owner_only",
                                   "--web-type",
                                   "none"};
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out >= 0) {
      dup2(out, 1);
      dup2(out, 2);
    }
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  auto server = std::unique_ptr<RadicaleServer>(new RadicaleServer(pid, *port));
  // Radicale is ready in about 0.2 s; poll its port (an external process:
  // there is nothing to wait on but the socket).
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  while (absl::Now() < give_up) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      server->pid_ = -1;
      return absl::FailedPreconditionError(absl::StrCat(
          "Radicale exited at start (is the Debian package radicale "
          "installed? deploy/install-deps.sh); see ",
          log));
    }
    const int fd = ConnectLoopback(*port);
    if (fd >= 0) {
      close(fd);
      return server;
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError(
      absl::StrCat("Radicale did not answer in 20 s; see ", log));
}

RadicaleServer::~RadicaleServer() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::string RadicaleServer::base_url() const {
  return absl::StrCat("http://127.0.0.1:", port_);
}

absl::StatusOr<RawHttpResponse> RadicaleServer::Request(
    const std::string& method, const std::string& path,
    const std::vector<std::string>& headers, const std::string& body) const {
  const int fd = ConnectLoopback(port_);
  if (fd < 0) return absl::UnavailableError("cannot connect to Radicale");
  std::string request =
      absl::StrCat(method, " ", path,
                   " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic ",
                   absl::Base64Escape(absl::StrCat(kUser, ":", kPassword)),
                   "\r\nContent-Length: ", body.size(), "\r\n");
  for (const std::string& header : headers) {
    absl::StrAppend(&request, header, "\r\n");
  }
  absl::StrAppend(&request, "\r\n", body);
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = write(fd, request.data() + sent, request.size() - sent);
    if (n <= 0) {
      close(fd);
      return absl::UnavailableError("write to Radicale failed");
    }
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buffer[8192];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n <= 0) break;
    raw.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  const size_t head_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || head_end == std::string::npos) {
    return absl::UnavailableError("no HTTP response from Radicale");
  }
  RawHttpResponse response;
  if (!absl::SimpleAtoi(raw.substr(9, 3), &response.status)) {
    return absl::UnavailableError("malformed HTTP status line");
  }
  response.headers = raw.substr(0, head_end);
  response.body = raw.substr(head_end + 4);
  return response;
}

}  // namespace wor::server
