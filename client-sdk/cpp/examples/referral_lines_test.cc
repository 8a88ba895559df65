// The example's own code tested on the SDK's shipped mocks: no server.
#include "referral_lines.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "wor/client/mocks/mock_referral_connection.h"

namespace {

using ::testing::ElementsAre;
using wor::client::MakeStreamRange;
using wor::client::mocks::MockReferralConnection;

wor::v1::Referral Accepted(const std::string& name, int contact_day,
                           wor::v1::DeadlineStatus status) {
  wor::v1::Referral referral;
  referral.set_name(name);
  referral.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
  wor::v1::Deadline& contact =
      *referral.mutable_deadlines()->mutable_first_contact_limit();
  contact.set_status(status);
  contact.mutable_due_date()->set_year(2026);
  contact.mutable_due_date()->set_month(4);
  contact.mutable_due_date()->set_day(contact_day);
  contact.mutable_due_time()->set_seconds(1777000000 + contact_day * 86400);
  return referral;
}

TEST(ReferralLinesTest, OneLinePerReferralWithItsNearestDeadline) {
  auto mock = std::make_shared<MockReferralConnection>();
  EXPECT_CALL(*mock, ListReferrals).WillOnce([](auto request) {
    EXPECT_EQ(request.page_size(), 50);
    return MakeStreamRange<wor::v1::Referral>(
        {Accepted("referrals/a", 27, wor::v1::DEADLINE_STATUS_PENDING),
         Accepted("referrals/b", 24, wor::v1::DEADLINE_STATUS_BREACHED)});
  });
  wor::client::ReferralClient client(mock);

  absl::StatusOr<std::vector<std::string>> lines =
      wor_examples::ReferralLines(client);

  ASSERT_TRUE(lines.ok());
  EXPECT_THAT(*lines, ElementsAre("referrals/a  REFERRAL_STATE_ACCEPTED  first "
                                  "contact due 2026-04-27",
                                  "referrals/b  REFERRAL_STATE_ACCEPTED  first "
                                  "contact due 2026-04-24 (OVERDUE)"));
}

TEST(ReferralLinesTest, AFailedPageIsReturnedAsTheError) {
  auto mock = std::make_shared<MockReferralConnection>();
  EXPECT_CALL(*mock, ListReferrals).WillOnce([](auto) {
    return MakeStreamRange<wor::v1::Referral>(
        {}, absl::PermissionDeniedError("no access"));
  });
  wor::client::ReferralClient client(mock);

  EXPECT_EQ(wor_examples::ReferralLines(client).status().code(),
            absl::StatusCode::kPermissionDenied);
}

}  // namespace
