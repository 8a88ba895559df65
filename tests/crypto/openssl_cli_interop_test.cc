// Interoperability with the `openssl` command line, the tool an organisation's
// administrator is most likely to check our tokens with: keys it makes load,
// signatures it makes (DER) verify once converted to r || s, and signatures
// we make verify in `openssl dgst -verify` once converted back to DER.
#include <openssl/bn.h>
#include <openssl/ecdsa.h>

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/crypto/es256_jwt.h"
#include "tests/common/status_matchers.h"
#include "tests/crypto/test_files.h"

namespace wor::server::crypto {
namespace {

// DER ECDSA-Sig-Value → r || s, written independently of the library's
// own conversion so the two check each other.
std::string DerToRaw(const std::string& der) {
  const unsigned char* cursor =
      reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig =
      d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size()));
  if (sig == nullptr) return "";
  std::string raw(64, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  BN_bn2binpad(ECDSA_SIG_get0_r(sig), out, 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig), out + 32, 32);
  ECDSA_SIG_free(sig);
  return raw;
}

std::string RawToDer(const std::string& raw) {
  ECDSA_SIG* sig = ECDSA_SIG_new();
  const auto* in = reinterpret_cast<const unsigned char*>(raw.data());
  ECDSA_SIG_set0(sig, BN_bin2bn(in, 32, nullptr),
                 BN_bin2bn(in + 32, 32, nullptr));
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig, &der);
  std::string result(reinterpret_cast<char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return result;
}

class OpensslCliInterop : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunCommand("command -v openssl >/dev/null").exit_code, 0)
        << "these tests need the openssl command line (Debian package openssl)";
  }

  // Runs `openssl <arguments>` in the temporary folder; true on success.
  bool Openssl(const std::string& arguments) {
    return RunCommand(absl::StrCat("cd ", ShellQuote(dir_.path()),
                                   " && openssl ", arguments, " 2>&1"))
               .exit_code == 0;
  }

  TempDir dir_;
};

TEST_F(OpensslCliInterop, ASignatureFromOpensslDgstVerifies) {
  ASSERT_TRUE(
      Openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 "
              "-out key.pem"));
  ASSERT_TRUE(Openssl("pkey -in key.pem -pubout -out pub.pem"));
  WriteFile(dir_.File("data"), "signed by the openssl command line");
  ASSERT_TRUE(Openssl("dgst -sha256 -sign key.pem -out sig.der data"));

  absl::StatusOr<Es256PublicKey> key =
      Es256PublicKey::FromPem(ReadFile(dir_.File("pub.pem")));
  ASSERT_THAT(key, IsOk());
  std::string raw = DerToRaw(ReadFile(dir_.File("sig.der")));
  ASSERT_EQ(raw.size(), 64u);
  EXPECT_TRUE(key->Verify("signed by the openssl command line", raw));
  EXPECT_FALSE(key->Verify("something else", raw));
}

TEST_F(OpensslCliInterop, AJwtSignedWithOpensslDgstDecodesAndVerifies) {
  ASSERT_TRUE(
      Openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 "
              "-out key.pem"));
  ASSERT_TRUE(Openssl("pkey -in key.pem -pubout -out pub.pem"));
  const std::string signed_data = absl::StrCat(
      absl::WebSafeBase64Escape(R"({"alg":"ES256","kid":"cli"})"), ".",
      absl::WebSafeBase64Escape(R"({"iss":"agb:01012345","sub":"u-7"})"));
  WriteFile(dir_.File("signed_data"), signed_data);
  ASSERT_TRUE(Openssl("dgst -sha256 -sign key.pem -out sig.der signed_data"));
  std::string token = absl::StrCat(
      signed_data, ".",
      absl::WebSafeBase64Escape(DerToRaw(ReadFile(dir_.File("sig.der")))));

  absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(token);
  ASSERT_THAT(jwt, IsOk());
  EXPECT_EQ(jwt->key_id, "cli");
  absl::StatusOr<Es256PublicKey> key =
      Es256PublicKey::FromPem(ReadFile(dir_.File("pub.pem")));
  ASSERT_THAT(key, IsOk());
  EXPECT_TRUE(key->Verify(jwt->signed_data, jwt->signature));
}

TEST_F(OpensslCliInterop, OurSignatureVerifiesInOpensslDgst) {
  Es256PrivateKey key = Es256PrivateKey::Generate();
  WriteFile(dir_.File("pub.pem"), key.PublicKeyPem());
  WriteFile(dir_.File("data"), "signed by wor_crypto");
  WriteFile(dir_.File("sig.der"), RawToDer(key.Sign("signed by wor_crypto")));
  EXPECT_TRUE(Openssl("dgst -sha256 -verify pub.pem -signature sig.der data"));
  WriteFile(dir_.File("data"), "signed by someone else");
  EXPECT_FALSE(Openssl("dgst -sha256 -verify pub.pem -signature sig.der data"));
}

TEST_F(OpensslCliInterop, LoadsPkcs8AndTraditionalEcPrivateKeys) {
  ASSERT_TRUE(
      Openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 "
              "-out pkcs8.pem"));
  ASSERT_TRUE(Openssl("ecparam -name prime256v1 -genkey -noout -out ec.pem"));
  ASSERT_TRUE(Openssl("pkey -in ec.pem -pubout -out ec.pub.pem"));
  ASSERT_NE(ReadFile(dir_.File("pkcs8.pem")).find("BEGIN PRIVATE KEY"),
            std::string::npos);
  ASSERT_NE(ReadFile(dir_.File("ec.pem")).find("BEGIN EC PRIVATE KEY"),
            std::string::npos);

  EXPECT_THAT(Es256PrivateKey::FromPem(ReadFile(dir_.File("pkcs8.pem"))),
              IsOk());
  absl::StatusOr<Es256PrivateKey> ec =
      Es256PrivateKey::FromPem(ReadFile(dir_.File("ec.pem")));
  ASSERT_THAT(ec, IsOk());
  absl::StatusOr<Es256PublicKey> ec_public =
      Es256PublicKey::FromPem(ReadFile(dir_.File("ec.pub.pem")));
  ASSERT_THAT(ec_public, IsOk());
  EXPECT_TRUE(ec_public->Verify("x", ec->Sign("x")));
  EXPECT_EQ(ec->PublicKeyPem(), ReadFile(dir_.File("ec.pub.pem")));
}

TEST_F(OpensslCliInterop, RefusesAnEncryptedPrivateKeyWithoutPrompting) {
  ASSERT_TRUE(
      Openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 "
              "-aes-256-cbc -pass pass:secret -out enc.pem"));
  EXPECT_THAT(Es256PrivateKey::FromPem(ReadFile(dir_.File("enc.pem"))),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(OpensslCliInterop, RefusesAP384KeyFromTheCommandLine) {
  ASSERT_TRUE(
      Openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 "
              "-out key.pem"));
  ASSERT_TRUE(Openssl("pkey -in key.pem -pubout -out pub.pem"));
  EXPECT_THAT(Es256PrivateKey::FromPem(ReadFile(dir_.File("key.pem"))),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Es256PublicKey::FromPem(ReadFile(dir_.File("pub.pem"))),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace wor::server::crypto
