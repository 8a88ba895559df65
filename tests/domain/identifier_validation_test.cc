#include "server/domain/identifier_validation.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

TEST(IsValidAgbCodeTest, AcceptsEightDigits) {
  for (std::string_view s : {"01234567", "12345678", "00000000"}) {
    EXPECT_TRUE(IsValidAgbCode(s)) << s;
  }
}

TEST(IsValidAgbCodeTest, RejectsAnythingButEightDigits) {
  for (std::string_view s :
       {"", "1234567", "123456789", "1234567a", "ABCDEFGH", "1234 567",
        " 12345678", "12345678 ", "+1234567", "1234-5678"}) {
    EXPECT_FALSE(IsValidAgbCode(s)) << '"' << s << '"';
  }
}

TEST(IsValidBsnTest, AcceptsNumbersPassingTheElevenCheck) {
  // 111222333: 9+8+7 + 2*(6+5+4) + 3*(3+2) - 3 = 66 = 6 * 11.
  // 123456782: 9+16+21+24+25+24+21+16 - 2 = 154 = 14 * 11.
  for (std::string_view s : {"111222333", "123456782"}) {
    EXPECT_TRUE(IsValidBsn(s)) << s;
  }
}

TEST(IsValidBsnTest, RejectsNumbersFailingTheElevenCheck) {
  // 123456789: weighted sum 161 = 14 * 11 + 7.
  EXPECT_FALSE(IsValidBsn("123456789"));
  EXPECT_FALSE(IsValidBsn("111222334"));
}

TEST(IsValidBsnTest, RejectsAWeightedSumOfZero) {
  EXPECT_FALSE(IsValidBsn("000000000"));
  // 2 * 1 - 2 = 0: divisible by 11, but not a BSN.
  EXPECT_FALSE(IsValidBsn("000000012"));
}

TEST(IsValidBsnTest, RejectsWrongLengthsAndNonDigits) {
  for (std::string_view s :
       {"", "12345678", "1234567820", "12345678a", "ABCDEFGHI", "1234 5678",
        "12345678-", " 123456782", "123456782 ", "123.456.782"}) {
    EXPECT_FALSE(IsValidBsn(s)) << '"' << s << '"';
  }
}

TEST(IsValidPhoneNumberTest, AcceptsDutchNationalNumbers) {
  for (std::string_view s :
       {"0612345678", "020-1234567", "06 12 34 56 78", "06-12345678",
        "0513 123456", "020 - 123 45 67", "020 (123) 4567"}) {
    EXPECT_TRUE(IsValidPhoneNumber(s)) << s;
  }
}

TEST(IsValidPhoneNumberTest, RejectsAParenthesisBeforeTheFirstDigit) {
  // Separators may only stand between digits, so the common "(020)" form is
  // refused rather than guessed at.
  EXPECT_FALSE(IsValidPhoneNumber("(020) 1234567"));
  EXPECT_FALSE(IsValidPhoneNumber("+(31) 612345678"));
}

TEST(IsValidPhoneNumberTest, AcceptsInternationalE164Numbers) {
  for (std::string_view s :
       {"+31612345678", "+32 470 12 34 56", "+31 6 1234 5678", "+31-20-1234567",
        "+1 (202) 555-0123", "+4930123456", "+12345678", "+123456789012345"}) {
    EXPECT_TRUE(IsValidPhoneNumber(s)) << s;
  }
}

TEST(IsValidPhoneNumberTest, RejectsMalformedNumbers) {
  for (std::string_view s : {
           "",                    // empty
           "061234567",           // 9 national digits
           "06123456789",         // 11 national digits
           "612345678",           // no trunk 0
           "0012345678",          // 00 is the international prefix
           "0031612345678",       // international prefix instead of '+'
           "06-1234567a",         // letter
           "06.12.34.56.78",      // dots are not separators
           "06/12345678",         // neither is a slash
           " 0612345678",         // separator before the first digit
           "0612345678 ",         // separator after the last digit
           "-0612345678",         // separator before the first digit
           "06 1234 5678 (",      // unbalanced parenthesis
           "06 (1234 5678",       // unclosed parenthesis
           "06) 1234 5678",       // stray closing parenthesis
           "06 ((12)) 345678",    // nested parentheses
           "06 () 12345678",      // empty parentheses
           "+",                   // nothing after '+'
           "+1234567",            // 7 digits
           "+1234567890123456",   // 16 digits
           "+0612345678",         // country codes never start with 0
           "+ 31612345678",       // separator between '+' and the first digit
           "++31612345678",       // doubled '+'
           "31612345678+",        // '+' at the end
           "+31 (0)6 12345678",   // trunk 0 kept: not diallable as written
           "+3161234567",         // +31 with 8 national digits
           "+316123456789",       // +31 with 10 national digits
           "06 1234 5678 ext 1",  // extension
       }) {
    EXPECT_FALSE(IsValidPhoneNumber(s)) << '"' << s << '"';
  }
}

TEST(IsValidEmailAddressTest, AcceptsOrdinaryAddresses) {
  for (std::string_view s :
       {"j.jansen@welzijn.nl", "coach+wor@example.org", "a@b.co",
        "o'brien@x-y.example.com", "user!#$%&'*+/=?^_`{|}~-@example.nl",
        "Huisarts.De.Vries@Praktijk-Centrum.NL", "1234@123.example"}) {
    EXPECT_TRUE(IsValidEmailAddress(s)) << s;
  }
}

TEST(IsValidEmailAddressTest, RejectsMalformedAddresses) {
  for (std::string_view s : {
           "",
           "no-at-sign.nl",
           "@welzijn.nl",           // empty local part
           "j.jansen@",             // empty domain
           "a@@welzijn.nl",         // two '@'
           "a@b@welzijn.nl",        // two '@'
           ".a@welzijn.nl",         // leading dot
           "a.@welzijn.nl",         // trailing dot
           "a..b@welzijn.nl",       // double dot
           "a b@welzijn.nl",        // space
           "\"a b\"@welzijn.nl",    // quoted local parts are not supported
           "a(b)@welzijn.nl",       // not atext
           "a@localhost",           // a single label
           "a@-welzijn.nl",         // label starts with '-'
           "a@welzijn-.nl",         // label ends with '-'
           "a@welzijn..nl",         // empty label
           "a@.welzijn.nl",         // empty first label
           "a@welzijn.nl.",         // trailing dot
           "a@wel_zijn.nl",         // underscore in the domain
           "a@[192.0.2.1]",         // address literals are not supported
           "j\xC3\xA9@welzijn.nl",  // non-ASCII
           "a@welzijn.nl ",         // trailing space
       }) {
    EXPECT_FALSE(IsValidEmailAddress(s)) << '"' << s << '"';
  }
}

TEST(IsValidEmailAddressTest, AcceptsALocalPartOf64ButNot65Characters) {
  EXPECT_TRUE(IsValidEmailAddress(std::string(64, 'a') + "@welzijn.nl"));
  EXPECT_FALSE(IsValidEmailAddress(std::string(65, 'a') + "@welzijn.nl"));
}

TEST(IsValidEmailAddressTest, AcceptsADomainLabelOf63ButNot64Characters) {
  EXPECT_TRUE(IsValidEmailAddress("a@" + std::string(63, 'b') + ".nl"));
  EXPECT_FALSE(IsValidEmailAddress("a@" + std::string(64, 'b') + ".nl"));
}

TEST(IsValidEmailAddressTest, AcceptsATotalOf254ButNot255Characters) {
  const std::string local(64, 'a');
  const std::string label(63, 'b');
  // 64 + 1 + (63 + 1 + 63 + 1 + 61) = 254.
  const std::string longest =
      absl::StrCat(local, "@", label, ".", label, ".", std::string(61, 'c'));
  ASSERT_EQ(longest.size(), 254u);
  EXPECT_TRUE(IsValidEmailAddress(longest));
  EXPECT_FALSE(IsValidEmailAddress(longest + "c"));
}

}  // namespace
}  // namespace wor::server
