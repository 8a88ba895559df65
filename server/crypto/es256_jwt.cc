// ES256 keys, raw r||s signatures and compact JWS encoding/decoding.
//
// OpenSSL signs and verifies ECDSA in DER (an ASN.1 SEQUENCE of two
// INTEGERs); JWS wants the two integers as fixed 32-byte big-endian halves.
// The conversion lives here and nowhere else.
#include "server/crypto/es256_jwt.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace wor::server::crypto {
namespace {

constexpr size_t kCoordinateBytes = 32;  // P-256
constexpr size_t kSignatureBytes = 2 * kCoordinateBytes;
// A user token is a few hundred bytes; anything this large is not one, and
// refusing it early bounds the work an unauthenticated caller can cause.
constexpr size_t kMaxTokenBytes = 16 * 1024;

struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct EcdsaSigDeleter {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using Bio = std::unique_ptr<BIO, BioDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter>;

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "wor crypto: %s failed inside OpenSSL\n", what);
  std::abort();
}

const unsigned char* Bytes(absl::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

Bio MemoryBio(absl::string_view pem) {
  return Bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

// OK when `key` is an EC key on P-256 (OpenSSL's name: prime256v1).
absl::Status CheckP256(EVP_PKEY* key, const char* what) {
  char group[64] = {0};
  size_t group_length = 0;
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC ||
      EVP_PKEY_get_group_name(key, group, sizeof(group), &group_length) != 1 ||
      std::string(group, group_length) != SN_X9_62_prime256v1) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " is not an EC P-256 key; ES256 needs a P-256 (prime256v1) key"));
  }
  return absl::OkStatus();
}

// DER ECDSA-Sig-Value → r || s (each left-padded to 32 bytes).
std::string DerToRaw(const unsigned char* der, size_t der_length) {
  const unsigned char* cursor = der;
  EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der_length)));
  if (sig == nullptr) Die("decoding our own ECDSA signature");
  std::string raw(kSignatureBytes, '\0');
  unsigned char* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, kCoordinateBytes) !=
          static_cast<int>(kCoordinateBytes) ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + kCoordinateBytes,
                   kCoordinateBytes) != static_cast<int>(kCoordinateBytes)) {
    Die("converting an ECDSA signature");
  }
  return raw;
}

// r || s → DER; empty when the input is not 64 bytes.
std::string RawToDer(absl::string_view raw) {
  if (raw.size() != kSignatureBytes) return "";
  EcdsaSig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(Bytes(raw), kCoordinateBytes, nullptr);
  BIGNUM* s =
      BN_bin2bn(Bytes(raw) + kCoordinateBytes, kCoordinateBytes, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr ||
      ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return "";
  }
  unsigned char* der = nullptr;
  int der_length = i2d_ECDSA_SIG(sig.get(), &der);
  if (der_length <= 0) return "";
  std::string result(reinterpret_cast<char*>(der),
                     static_cast<size_t>(der_length));
  OPENSSL_free(der);
  return result;
}

// A JSON string literal for `value` (which callers keep to UTF-8 text).
std::string JsonQuote(absl::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

bool IsBase64UrlAlphabet(absl::string_view part) {
  for (char c : part) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Strict base64url without padding (RFC 7515 §2): no '=', no whitespace.
bool DecodeBase64Url(absl::string_view part, std::string* out) {
  // Length 1 mod 4 can never be produced by an encoder.
  if (part.empty() || !IsBase64UrlAlphabet(part) || part.size() % 4 == 1) {
    return false;
  }
  return absl::WebSafeBase64Unescape(part, out);
}

absl::Status Malformed(const char* what) {
  return absl::UnauthenticatedError(absl::StrCat(
      "the bearer token is not a valid ES256 JWT: ", what,
      "; sign in again or ask your identity provider for a new token"));
}

// Checks the decoded header and extracts "kid".
absl::Status CheckHeader(const std::string& header_json, std::string* key_id) {
  google::protobuf::Struct header;
  if (!google::protobuf::util::JsonStringToMessage(header_json, &header).ok()) {
    return Malformed("its header is not a JSON object");
  }
  const auto& fields = header.fields();
  auto alg = fields.find("alg");
  if (alg == fields.end() ||
      alg->second.kind_case() != google::protobuf::Value::kStringValue ||
      alg->second.string_value() != "ES256") {
    return Malformed("its header must name the algorithm \"ES256\"");
  }
  // RFC 7515 §4.1.11: extensions marked critical must be understood; we
  // understand none.
  if (fields.contains("crit")) {
    return Malformed("its header lists critical extensions, none supported");
  }
  key_id->clear();
  auto kid = fields.find("kid");
  if (kid != fields.end()) {
    if (kid->second.kind_case() != google::protobuf::Value::kStringValue) {
      return Malformed("its header \"kid\" is not a string");
    }
    *key_id = kid->second.string_value();
  }
  return absl::OkStatus();
}

}  // namespace

// ---------------------------------------------------------------------------
// Keys

struct Es256PublicKey::Impl {
  Pkey key;
};

struct Es256PrivateKey::Impl {
  Pkey key;
};

absl::StatusOr<Es256PublicKey> Es256PublicKey::FromPem(absl::string_view pem) {
  Bio bio = MemoryBio(pem);
  if (bio == nullptr) Die("BIO_new_mem_buf");
  Pkey key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  if (key == nullptr) {
    return absl::InvalidArgumentError(
        "the public key is not a PEM \"PUBLIC KEY\"; export it with "
        "`openssl pkey -pubout`");
  }
  if (absl::Status s = CheckP256(key.get(), "the public key"); !s.ok()) {
    return s;
  }
  Es256PublicKey result;
  result.impl_ = std::make_shared<const Impl>(Impl{std::move(key)});
  return result;
}

bool Es256PublicKey::Verify(absl::string_view signed_data,
                            absl::string_view signature) const {
  if (impl_ == nullptr) return false;
  std::string der = RawToDer(signature);
  if (der.empty()) return false;
  MdCtx ctx(EVP_MD_CTX_new());
  if (ctx == nullptr || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(),
                                             nullptr, impl_->key.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), Bytes(der), der.size(), Bytes(signed_data),
                          signed_data.size()) == 1;
}

absl::StatusOr<Es256PrivateKey> Es256PrivateKey::FromPem(
    absl::string_view pem) {
  Bio bio = MemoryBio(pem);
  if (bio == nullptr) Die("BIO_new_mem_buf");
  // Reads PKCS#8 "PRIVATE KEY" and traditional "EC PRIVATE KEY" alike. A
  // null passphrase callback with no user data refuses encrypted keys
  // instead of prompting on the terminal.
  Pkey key(PEM_read_bio_PrivateKey(
      bio.get(), nullptr, [](char*, int, int, void*) -> int { return -1; },
      nullptr));
  if (key == nullptr) {
    return absl::InvalidArgumentError(
        "the private key is not an unencrypted PEM \"PRIVATE KEY\" or \"EC "
        "PRIVATE KEY\"");
  }
  if (absl::Status s = CheckP256(key.get(), "the private key"); !s.ok()) {
    return s;
  }
  Es256PrivateKey result;
  result.impl_ = std::make_shared<const Impl>(Impl{std::move(key)});
  return result;
}

Es256PrivateKey Es256PrivateKey::Generate() {
  Pkey key(EVP_EC_gen(SN_X9_62_prime256v1));
  if (key == nullptr) Die("generating a P-256 key");
  Es256PrivateKey result;
  result.impl_ = std::make_shared<const Impl>(Impl{std::move(key)});
  return result;
}

std::string Es256PrivateKey::Sign(absl::string_view data) const {
  if (impl_ == nullptr) Die("signing with a key that was never loaded");
  MdCtx ctx(EVP_MD_CTX_new());
  if (ctx == nullptr || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(),
                                           nullptr, impl_->key.get()) != 1) {
    Die("starting an ES256 signature");
  }
  size_t der_length = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &der_length, Bytes(data),
                     data.size()) != 1) {
    Die("sizing an ES256 signature");
  }
  std::vector<unsigned char> der(der_length);
  if (EVP_DigestSign(ctx.get(), der.data(), &der_length, Bytes(data),
                     data.size()) != 1) {
    Die("making an ES256 signature");
  }
  return DerToRaw(der.data(), der_length);
}

std::string Es256PrivateKey::PublicKeyPem() const {
  if (impl_ == nullptr) Die("exporting a key that was never loaded");
  Bio bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr ||
      PEM_write_bio_PUBKEY(bio.get(), impl_->key.get()) != 1) {
    Die("writing a public key");
  }
  char* data = nullptr;
  long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(length));
}

// ---------------------------------------------------------------------------
// Compact JWS

absl::StatusOr<DecodedJwt> DecodeEs256Jwt(absl::string_view token) {
  if (token.empty()) return Malformed("it is empty");
  if (token.size() > kMaxTokenBytes) return Malformed("it is too long");
  std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() != 3) {
    return Malformed("it must have three dot-separated parts");
  }
  DecodedJwt jwt;
  if (!DecodeBase64Url(parts[0], &jwt.header_json)) {
    return Malformed("its header is not base64url without padding");
  }
  if (!DecodeBase64Url(parts[1], &jwt.payload_json)) {
    return Malformed("its payload is not base64url without padding");
  }
  if (!DecodeBase64Url(parts[2], &jwt.signature)) {
    return Malformed("its signature is not base64url without padding");
  }
  if (absl::Status s = CheckHeader(jwt.header_json, &jwt.key_id); !s.ok()) {
    return s;
  }
  if (jwt.signature.size() != kSignatureBytes) {
    return Malformed("its signature is not 64 bytes (r || s)");
  }
  jwt.signed_data =
      std::string(token.substr(0, parts[0].size() + 1 + parts[1].size()));
  return jwt;
}

std::string SignEs256Jwt(const Es256PrivateKey& key, absl::string_view key_id,
                         absl::string_view payload_json) {
  std::string header = absl::StrCat(R"({"alg":"ES256","typ":"JWT","kid":)",
                                    JsonQuote(key_id), "}");
  std::string signed_data =
      absl::StrCat(absl::WebSafeBase64Escape(header), ".",
                   absl::WebSafeBase64Escape(payload_json));
  std::string signature = key.Sign(signed_data);
  return absl::StrCat(signed_data, ".", absl::WebSafeBase64Escape(signature));
}

}  // namespace wor::server::crypto
