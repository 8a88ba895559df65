#include "tests/security/tls_probe.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <memory>

#include "absl/strings/str_cat.h"

namespace wor::server {
namespace {

struct SslCtxFree {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
struct SslFree {
  void operator()(SSL* ssl) const { SSL_free(ssl); }
};

// Closes the socket when it goes out of scope.
class Socket {
 public:
  Socket() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {}
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// Drains OpenSSL's error queue into one line.
std::string OpenSslErrors() {
  std::string text;
  while (unsigned long code = ERR_get_error()) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof(buffer));
    absl::StrAppend(&text, text.empty() ? "" : "; ", buffer);
  }
  return text.empty() ? "no OpenSSL error recorded" : text;
}

// Records the handshake messages that show what was offered and answered.
void RecordHandshakeMessage(int write_p, int /*version*/, int content_type,
                            const void* buf, size_t len, SSL* /*ssl*/,
                            void* arg) {
  if (content_type != SSL3_RT_HANDSHAKE || len < 6) return;
  auto* result = static_cast<TlsProbeResult*>(arg);
  const auto* message = static_cast<const unsigned char*>(buf);
  if (write_p == 1 && message[0] == SSL3_MT_CLIENT_HELLO) {
    // Handshake header (4 bytes), then the ClientHello's legacy_version.
    result->client_hello_version = (message[4] << 8) | message[5];
  } else if (write_p == 0 && message[0] == SSL3_MT_SERVER_HELLO) {
    result->server_hello_received = true;
  }
}

bool ConnectLoopback(const Socket& socket, int port) {
  if (socket.fd() < 0) return false;
  timeval timeout{5, 0};
  setsockopt(socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  setsockopt(socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return connect(socket.fd(), reinterpret_cast<const sockaddr*>(&address),
                 sizeof(address)) == 0;
}

// A client context offering exactly what `options` asks for. The process may
// carry the server's OpenSSL defaults (server/app/transport_security.cc
// disables old protocols for every SSL_CTX), so the probe clears those
// options and pins the versions itself: the refusal must come from the
// server, not from this client.
std::unique_ptr<SSL_CTX, SslCtxFree> ClientContext(
    const TlsProbeOptions& options, std::string& error) {
  std::unique_ptr<SSL_CTX, SslCtxFree> ctx(SSL_CTX_new(TLS_client_method()));
  if (ctx == nullptr) {
    error = OpenSslErrors();
    return nullptr;
  }
  SSL_CTX_clear_options(ctx.get(), SSL_OP_NO_SSL_MASK);
  const int min = options.version != 0 ? options.version : TLS1_2_VERSION;
  const int max = options.version != 0 ? options.version : TLS1_3_VERSION;
  // TLS 1.1 needs SHA-1 in its handshake: only security level 0 offers it.
  if (min < TLS1_2_VERSION) SSL_CTX_set_security_level(ctx.get(), 0);
  static const unsigned char kAlpnH2[] = {2, 'h', '2'};
  const bool configured =
      SSL_CTX_set_min_proto_version(ctx.get(), min) == 1 &&
      SSL_CTX_set_max_proto_version(ctx.get(), max) == 1 &&
      SSL_CTX_set_alpn_protos(ctx.get(), kAlpnH2, sizeof(kAlpnH2)) == 0 &&
      SSL_CTX_load_verify_locations(ctx.get(), options.ca_file.c_str(),
                                    nullptr) == 1 &&
      (options.certificate_file.empty() ||
       (SSL_CTX_use_certificate_chain_file(
            ctx.get(), options.certificate_file.c_str()) == 1 &&
        SSL_CTX_use_PrivateKey_file(ctx.get(), options.private_key_file.c_str(),
                                    SSL_FILETYPE_PEM) == 1));
  if (!configured) {
    error = absl::StrCat("client set-up: ", OpenSslErrors());
    return nullptr;
  }
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);
  SSL_CTX_set_msg_callback(ctx.get(), RecordHandshakeMessage);
  return ctx;
}

bool WriteAll(SSL* ssl, const std::string& bytes, std::string& error) {
  if (SSL_write(ssl, bytes.data(), static_cast<int>(bytes.size())) <= 0) {
    error = OpenSslErrors();
    return false;
  }
  return true;
}

bool ReadExactly(SSL* ssl, size_t count, std::string& out, std::string& error) {
  out.resize(count);
  size_t have = 0;
  while (have < count) {
    const int n =
        SSL_read(ssl, out.data() + have, static_cast<int>(count - have));
    if (n <= 0) {
      error =
          absl::StrCat("the server closed the connection: ", OpenSslErrors());
      return false;
    }
    have += static_cast<size_t>(n);
  }
  return true;
}

// Sends the HTTP/2 client preface and an empty SETTINGS frame, then reads
// the header of the server's first frame: SETTINGS means it accepted us.
bool ServerSpeaksHttp2(SSL* ssl, std::string& error) {
  static const char kPreface[] =
      "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
      "\x00\x00\x00\x04\x00\x00\x00\x00\x00";
  constexpr char kSettings = 0x4;
  std::string header;
  return WriteAll(ssl, std::string(kPreface, sizeof(kPreface) - 1), error) &&
         ReadExactly(ssl, 9, header, error) && header[3] == kSettings;
}

}  // namespace

TlsProbeResult ProbeTls(int port, const TlsProbeOptions& options) {
  // A server that drops the connection must fail the probe, not kill the
  // test binary with SIGPIPE on the next write (gRPC itself never relies on
  // the signal).
  signal(SIGPIPE, SIG_IGN);
  TlsProbeResult result;
  ERR_clear_error();
  std::unique_ptr<SSL_CTX, SslCtxFree> ctx =
      ClientContext(options, result.error);
  if (ctx == nullptr) return result;
  Socket socket;
  if (!ConnectLoopback(socket, port)) {
    result.error = absl::StrCat("cannot connect to port ", port);
    return result;
  }
  std::unique_ptr<SSL, SslFree> ssl(SSL_new(ctx.get()));
  SSL_set_fd(ssl.get(), socket.fd());
  SSL_set_msg_callback_arg(ssl.get(), &result);
  SSL_set_tlsext_host_name(ssl.get(), "localhost");
  SSL_set1_host(ssl.get(), "localhost");
  if (SSL_connect(ssl.get()) != 1) {
    result.error = OpenSslErrors();
    return result;
  }
  result.handshake_done = true;
  result.version = SSL_get_version(ssl.get());
  result.accepted = ServerSpeaksHttp2(ssl.get(), result.error);
  SSL_shutdown(ssl.get());
  return result;
}

}  // namespace wor::server
