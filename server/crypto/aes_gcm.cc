// AES-256-GCM seal and open over OpenSSL's EVP cipher interface. The box
// layout (nonce || ciphertext || tag) is described in aes_gcm.h.
#include "server/crypto/aes_gcm.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "server/crypto/digest.h"

namespace wor::server::crypto {
namespace {

constexpr size_t kNonceBytes = 12;
constexpr size_t kTagBytes = 16;

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* Bytes(absl::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}
unsigned char* Bytes(std::string& data) {
  return reinterpret_cast<unsigned char*>(data.data());
}

absl::Status CheckKey(absl::string_view key) {
  if (key.size() != kAes256KeyBytes) {
    return absl::InvalidArgumentError(
        "AES-256-GCM needs a 32-byte key; check the key file or keyring entry");
  }
  return absl::OkStatus();
}

absl::Status OpenSslFailure(const char* step) {
  return absl::InternalError(std::string("AES-256-GCM: OpenSSL failed at ") +
                             step);
}

// Feeds the associated data; EVP_*Update with a null output buffer is AAD.
bool AddAssociatedData(EVP_CIPHER_CTX* ctx, absl::string_view aad,
                       bool encrypt) {
  if (aad.empty()) return true;
  int ignored = 0;
  return encrypt ? EVP_EncryptUpdate(ctx, nullptr, &ignored, Bytes(aad),
                                     static_cast<int>(aad.size())) == 1
                 : EVP_DecryptUpdate(ctx, nullptr, &ignored, Bytes(aad),
                                     static_cast<int>(aad.size())) == 1;
}

}  // namespace

absl::StatusOr<std::string> AesGcmSeal(absl::string_view key,
                                       absl::string_view plaintext,
                                       absl::string_view associated_data) {
  if (absl::Status s = CheckKey(key); !s.ok()) return s;
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) return OpenSslFailure("context");

  std::string box = RandomBytes(kNonceBytes);
  box.resize(kNonceBytes + plaintext.size() + kTagBytes);
  unsigned char* nonce = Bytes(box);
  unsigned char* out = nonce + kNonceBytes;

  if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key),
                         nonce) != 1) {
    return OpenSslFailure("init");
  }
  if (!AddAssociatedData(ctx.get(), associated_data, /*encrypt=*/true)) {
    return OpenSslFailure("associated data");
  }
  int written = 0;
  if (!plaintext.empty() &&
      EVP_EncryptUpdate(ctx.get(), out, &written, Bytes(plaintext),
                        static_cast<int>(plaintext.size())) != 1) {
    return OpenSslFailure("encrypt");
  }
  int final_written = 0;
  if (EVP_EncryptFinal_ex(ctx.get(), out + written, &final_written) != 1 ||
      static_cast<size_t>(written + final_written) != plaintext.size()) {
    return OpenSslFailure("finish");
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG,
                          static_cast<int>(kTagBytes),
                          out + plaintext.size()) != 1) {
    return OpenSslFailure("tag");
  }
  return box;
}

absl::StatusOr<std::string> AesGcmOpen(absl::string_view key,
                                       absl::string_view sealed,
                                       absl::string_view associated_data) {
  if (absl::Status s = CheckKey(key); !s.ok()) return s;
  if (sealed.size() < kNonceBytes + kTagBytes) {
    return absl::DataLossError(
        "sealed data is too short to be an AES-256-GCM box; it was truncated");
  }
  absl::string_view nonce = sealed.substr(0, kNonceBytes);
  absl::string_view ciphertext =
      sealed.substr(kNonceBytes, sealed.size() - kNonceBytes - kTagBytes);
  // OpenSSL's SET_TAG takes a non-const pointer; give it a copy.
  std::string tag(sealed.substr(sealed.size() - kTagBytes));

  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (ctx == nullptr) return OpenSslFailure("context");
  if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, Bytes(key),
                         Bytes(nonce)) != 1) {
    return OpenSslFailure("init");
  }
  if (!AddAssociatedData(ctx.get(), associated_data, /*encrypt=*/false)) {
    return OpenSslFailure("associated data");
  }
  std::string plaintext(ciphertext.size(), '\0');
  int written = 0;
  if (!ciphertext.empty() &&
      EVP_DecryptUpdate(ctx.get(), Bytes(plaintext), &written,
                        Bytes(ciphertext),
                        static_cast<int>(ciphertext.size())) != 1) {
    return OpenSslFailure("decrypt");
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG,
                          static_cast<int>(kTagBytes), Bytes(tag)) != 1) {
    return OpenSslFailure("tag");
  }
  int final_written = 0;
  if (EVP_DecryptFinal_ex(ctx.get(), Bytes(plaintext) + written,
                          &final_written) != 1) {
    // Do not hand back unauthenticated plaintext, not even in memory.
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return absl::DataLossError(
        "sealed data failed authentication: it was altered, or sealed under "
        "another key or for another record");
  }
  plaintext.resize(static_cast<size_t>(written + final_written));
  return plaintext;
}

}  // namespace wor::server::crypto
