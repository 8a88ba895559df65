// A raw TLS client (OpenSSL's C API, no gRPC) that connects to a port with
// the protocol versions pinned, so a test can see which TLS versions the
// server accepts and which one it negotiates.
//
//   TlsProbeOptions options;
//   options.version = TLS1_2_VERSION;
//   options.certificate_file = ...;   // and private_key_file, ca_file
//   EXPECT_FALSE(ProbeTls(server.port(), options).accepted);
//
// "Accepted" means more than a finished handshake: in TLS 1.3 the client
// finishes before the server has judged its certificate, so the probe also
// sends the HTTP/2 preface and waits for the server's SETTINGS frame.
// Thread-compatible; each call uses its own SSL_CTX and socket.
#ifndef WOR_TESTS_SECURITY_TLS_PROBE_H_
#define WOR_TESTS_SECURITY_TLS_PROBE_H_

#include <string>

namespace wor::server {

struct TlsProbeOptions {
  // TLS1_1_VERSION, TLS1_2_VERSION or TLS1_3_VERSION to offer only that
  // version; 0 offers TLS 1.2 and 1.3, as gRPC's own client does.
  int version = 0;
  // The client certificate and key (PEM); none when empty.
  std::string certificate_file;
  std::string private_key_file;
  // The CA the server's certificate must chain to.
  std::string ca_file;
};

struct TlsProbeResult {
  // The legacy version field of the ClientHello the probe sent (0x0302 for
  // TLS 1.1, 0x0303 for 1.2 and 1.3), 0 when none was sent: shows the
  // client really offered what was asked for.
  int client_hello_version = 0;
  // Whether the server answered the ClientHello at all. A refusing gRPC
  // server closes the connection without a ServerHello (and without an
  // alert: gRPC does not flush it).
  bool server_hello_received = false;
  // The TLS handshake finished on the client's side.
  bool handshake_done = false;
  // The server then spoke HTTP/2: it accepted the connection.
  bool accepted = false;
  // The negotiated version, e.g. "TLSv1.3" (after a finished handshake).
  std::string version;
  // OpenSSL's reasons for a failure, e.g. "unexpected eof while reading".
  std::string error;
};

// Connects to 127.0.0.1:`port`; gives up after a few seconds.
TlsProbeResult ProbeTls(int port, const TlsProbeOptions& options);

}  // namespace wor::server

#endif  // WOR_TESTS_SECURITY_TLS_PROBE_H_
