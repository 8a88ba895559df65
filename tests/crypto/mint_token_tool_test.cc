// wor-mint-token end to end: tokens minted with keys from
// deploy/pki/make-dev-pki.sh decode and verify with the organisation's public
// key, carry exactly the documented claims, and the tool keeps its promises
// about stdout and exit codes.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/crypto/es256_jwt.h"
#include "tests/common/status_matchers.h"
#include "tests/crypto/test_files.h"

namespace wor::server::crypto {
namespace {

using ::google::protobuf::Struct;
using ::google::protobuf::Value;

class MintTokenTool : public ::testing::Test {
 protected:
  // One development PKI for the whole suite: making it takes half a second.
  static void SetUpTestSuite() {
    pki_ = new TempDir();
    CommandResult made = RunCommand(absl::StrCat(
        "bash ", ShellQuote(WOR_SOURCE_DIR), "/deploy/pki/make-dev-pki.sh ",
        ShellQuote(pki_->path()), " >/dev/null"));
    ASSERT_EQ(made.exit_code, 0) << "deploy/pki/make-dev-pki.sh failed";
  }
  static void TearDownTestSuite() {
    delete pki_;
    pki_ = nullptr;
  }

  static std::string TokenKey(const std::string& org_file) {
    return pki_->File(absl::StrCat("tokens/", org_file, ".key.pem"));
  }
  static std::string PublicKeyPem(const std::string& org_file) {
    return ReadFile(pki_->File(absl::StrCat("tokens/", org_file, ".pub.pem")));
  }

  // Runs the tool with `flags` (already shell-quoted where needed); stderr
  // is discarded.
  static CommandResult Mint(const std::string& flags) {
    return RunCommand(
        absl::StrCat(ShellQuote(WOR_MINT_TOKEN), " ", flags, " 2>/dev/null"));
  }

  // The usual flags for a GP of practice agb:01012345 at a fixed time.
  static std::string GpFlags() {
    return absl::StrCat("--key=", ShellQuote(TokenKey("agb-01012345")),
                        " --issuer=agb:01012345 --subject=huisarts-1 --role=GP"
                        " --now=1767225600");
  }

  // Decodes and verifies `output` (the tool's stdout) with the public key of
  // `org_file`; returns the claims.
  static Struct VerifiedClaims(const std::string& output,
                               const std::string& org_file,
                               DecodedJwt* jwt_out = nullptr) {
    Struct claims;
    std::string token(absl::StripTrailingAsciiWhitespace(output));
    absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(token);
    EXPECT_THAT(jwt, IsOk());
    if (!jwt.ok()) return claims;
    absl::StatusOr<Es256PublicKey> key =
        Es256PublicKey::FromPem(PublicKeyPem(org_file));
    EXPECT_THAT(key, IsOk());
    if (!key.ok()) return claims;
    EXPECT_TRUE(key->Verify(jwt->signed_data, jwt->signature));
    EXPECT_TRUE(
        google::protobuf::util::JsonStringToMessage(jwt->payload_json, &claims)
            .ok());
    if (jwt_out != nullptr) *jwt_out = *jwt;
    return claims;
  }

  static TempDir* pki_;
};

TempDir* MintTokenTool::pki_ = nullptr;

std::string StringClaim(const Struct& claims, const std::string& name) {
  auto it = claims.fields().find(name);
  return it == claims.fields().end() ? "<absent>" : it->second.string_value();
}
double NumberClaim(const Struct& claims, const std::string& name) {
  auto it = claims.fields().find(name);
  return it == claims.fields().end() ? -1 : it->second.number_value();
}

TEST_F(MintTokenTool, MintsATokenThatVerifiesWithThePkisPublicKey) {
  CommandResult minted = Mint(GpFlags());
  ASSERT_EQ(minted.exit_code, 0);
  DecodedJwt jwt;
  Struct claims = VerifiedClaims(minted.out, "agb-01012345", &jwt);

  EXPECT_EQ(jwt.key_id, "dev-1");
  EXPECT_EQ(StringClaim(claims, "iss"), "agb:01012345");
  EXPECT_EQ(StringClaim(claims, "sub"), "huisarts-1");
  EXPECT_EQ(StringClaim(claims, "aud"), "wor");
  EXPECT_EQ(StringClaim(claims, "role"), "GP");
  EXPECT_EQ(NumberClaim(claims, "iat"), 1767225600);
  EXPECT_EQ(NumberClaim(claims, "nbf"), 1767225600);
  EXPECT_EQ(NumberClaim(claims, "exp"), 1767225600 + 8 * 3600);
  EXPECT_FALSE(claims.fields().contains("act"));
  std::string jti = StringClaim(claims, "jti");
  EXPECT_EQ(jti.size(), 32u);
  EXPECT_EQ(jti.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(claims.fields().size(), 8u);
}

TEST_F(MintTokenTool, StdoutHoldsTheTokenAndOneNewlineOnly) {
  CommandResult minted = Mint(GpFlags());
  ASSERT_EQ(minted.exit_code, 0);
  ASSERT_FALSE(minted.out.empty());
  EXPECT_EQ(minted.out.back(), '\n');
  std::string token = minted.out.substr(0, minted.out.size() - 1);
  EXPECT_EQ(token.find_first_of(" \n\r\t"), std::string::npos);
  EXPECT_THAT(DecodeEs256Jwt(token), IsOk());
}

TEST_F(MintTokenTool, OptionalFlagsShapeTheClaims) {
  CommandResult minted = Mint(absl::StrCat(
      "--key ", ShellQuote(TokenKey("kvk-41234567")),
      " --issuer kvk:41234567 --subject coach-7 --role COACH --key-id k2"
      " --audience wor-test --acting-for coordinator-2 --valid-for 30m"
      " --not-before-offset=-5m --now 1767225600"));
  ASSERT_EQ(minted.exit_code, 0);
  DecodedJwt jwt;
  Struct claims = VerifiedClaims(minted.out, "kvk-41234567", &jwt);
  EXPECT_EQ(jwt.key_id, "k2");
  EXPECT_EQ(StringClaim(claims, "iss"), "kvk:41234567");
  EXPECT_EQ(StringClaim(claims, "aud"), "wor-test");
  EXPECT_EQ(StringClaim(claims, "act"), "coordinator-2");
  EXPECT_EQ(NumberClaim(claims, "iat"), 1767225600);
  EXPECT_EQ(NumberClaim(claims, "nbf"), 1767225600 - 300);
  EXPECT_EQ(NumberClaim(claims, "exp"), 1767225600 + 1800);
}

TEST_F(MintTokenTool, ATokenDoesNotVerifyWithAnotherOrganisationsKey) {
  CommandResult minted = Mint(GpFlags());
  ASSERT_EQ(minted.exit_code, 0);
  absl::StatusOr<DecodedJwt> jwt = DecodeEs256Jwt(
      std::string(absl::StripTrailingAsciiWhitespace(minted.out)));
  ASSERT_THAT(jwt, IsOk());
  absl::StatusOr<Es256PublicKey> other =
      Es256PublicKey::FromPem(PublicKeyPem("agb-01023456"));
  ASSERT_THAT(other, IsOk());
  EXPECT_FALSE(other->Verify(jwt->signed_data, jwt->signature));
}

TEST_F(MintTokenTool, EachTokenHasItsOwnJti) {
  CommandResult a = Mint(GpFlags());
  CommandResult b = Mint(GpFlags());
  ASSERT_EQ(a.exit_code, 0);
  ASSERT_EQ(b.exit_code, 0);
  EXPECT_NE(StringClaim(VerifiedClaims(a.out, "agb-01012345"), "jti"),
            StringClaim(VerifiedClaims(b.out, "agb-01012345"), "jti"));
}

TEST_F(MintTokenTool, UsageErrorsExitWith2AndPrintNothingOnStdout) {
  const std::string key = ShellQuote(TokenKey("agb-01012345"));
  for (const std::string& flags : {
           std::string(),
           absl::StrCat("--key=", key, " --subject=u --role=GP"),
           absl::StrCat("--key=", key, " --issuer=agb:01012345 --role=GP"),
           absl::StrCat("--key=", key, " --issuer=agb:01012345 --subject=u"),
           absl::StrCat(GpFlags(), " --role=NURSE"),
           absl::StrCat(GpFlags(), " --role=gp"),
           absl::StrCat(GpFlags(), " --issuer=01012345"),
           absl::StrCat(GpFlags(), " --issuer=agb:"),
           absl::StrCat(GpFlags(), " --valid-for=8"),
           absl::StrCat(GpFlags(), " --valid-for=0s"),
           absl::StrCat(GpFlags(), " --valid-for=-1h"),
           absl::StrCat(GpFlags(), " --valid-for=inf"),
           absl::StrCat(GpFlags(), " --not-before-offset=soon"),
           absl::StrCat(GpFlags(), " --now=yesterday"),
           absl::StrCat(GpFlags(), " --acting-for="),
           absl::StrCat(GpFlags(), " --colour=blue"),
           absl::StrCat(GpFlags(), " positional"),
           absl::StrCat(GpFlags(), " --audience"),
       }) {
    CommandResult result = Mint(flags);
    EXPECT_EQ(result.exit_code, 2) << flags;
    EXPECT_EQ(result.out, "") << flags;
  }
}

TEST_F(MintTokenTool, KeyProblemsExitWith1AndPrintNothingOnStdout) {
  const std::string rest =
      " --issuer=agb:01012345 --subject=u --role=GP --now=1767225600";
  for (const std::string& key :
       {pki_->File("does-not-exist.pem"),
        pki_->File("tokens/agb-01012345.pub.pem"),  // a public key
        pki_->File("ca.pem")}) {                    // a certificate
    CommandResult result = Mint(absl::StrCat("--key=", ShellQuote(key), rest));
    EXPECT_EQ(result.exit_code, 1) << key;
    EXPECT_EQ(result.out, "") << key;
  }
}

TEST_F(MintTokenTool, HelpIsInEnglishAndDutchAndExitsWith0) {
  CommandResult help = Mint("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Mints a signed user token"), std::string::npos);
  EXPECT_NE(help.out.find("Maakt een ondertekend gebruikerstoken"),
            std::string::npos);
  EXPECT_NE(help.out.find("--acting-for"), std::string::npos);
}

}  // namespace
}  // namespace wor::server::crypto
