#include "plugin/pkce.h"

#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wor::plugin {
namespace {

// RFC 7636, Appendix B.
TEST(Pkce, S256ChallengeMatchesTheRfc7636AppendixBExample) {
  EXPECT_EQ(CodeChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, TheAppendixBOctetsEncodeToItsVerifier) {
  const unsigned char octets[] = {116, 24,  223, 180, 151, 153, 224, 37,
                                  79,  250, 96,  125, 216, 173, 187, 186,
                                  22,  212, 37,  77,  105, 214, 191, 240,
                                  91,  88,  5,   88,  83,  132, 141, 121};
  EXPECT_EQ(Base64UrlEncode(std::string(reinterpret_cast<const char*>(octets),
                                        sizeof(octets))),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
}

TEST(Pkce, VerifiersAreFortyThreeUnreservedCharactersAndNeverRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string verifier = NewCodeVerifier();
    EXPECT_EQ(verifier.size(), 43u);
    EXPECT_THAT(verifier, ::testing::MatchesRegex("[A-Za-z0-9_-]+"));
    EXPECT_TRUE(seen.insert(verifier).second);
  }
}

}  // namespace
}  // namespace wor::plugin
