#include "plugin/launch_state_store.h"

#include "gtest/gtest.h"
#include "plugin/session_store.h"

namespace wor::plugin {
namespace {

class LaunchStateStoreTest : public ::testing::Test {
 protected:
  FakeClock clock_{absl::FromUnixSeconds(1790000000)};
  LaunchStateStore store_{&clock_, absl::Minutes(10)};
};

TEST_F(LaunchStateStoreTest, AStateGivesBackItsLaunchOnce) {
  std::string state =
      store_.Put({.iss = "https://ehr/fhir", .code_verifier = "v"});
  absl::StatusOr<PendingLaunch> first = store_.Take(state);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->iss, "https://ehr/fhir");
  EXPECT_EQ(first->code_verifier, "v");
  EXPECT_EQ(store_.Take(state).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(LaunchStateStoreTest, AnUnknownStateIsRefused) {
  store_.Put({.iss = "https://ehr/fhir"});
  EXPECT_EQ(store_.Take("forged").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store_.Take("").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(LaunchStateStoreTest, AStateExpiresAfterItsTimeToLive) {
  std::string state = store_.Put({.iss = "https://ehr/fhir"});
  clock_.Advance(absl::Minutes(10));
  EXPECT_EQ(store_.Take(state).status().code(),
            absl::StatusCode::kDeadlineExceeded);
  // Expired states are gone, not retried.
  EXPECT_EQ(store_.Take(state).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(LaunchStateStoreTest, AStateJustBeforeExpiryStillWorks) {
  std::string state = store_.Put({.iss = "https://ehr/fhir"});
  clock_.Advance(absl::Minutes(10) - absl::Seconds(1));
  EXPECT_TRUE(store_.Take(state).ok());
}

TEST_F(LaunchStateStoreTest, StatesAreDistinct) {
  EXPECT_NE(store_.Put({}), store_.Put({}));
}

TEST(SessionStore, SessionsExpireAndNoncesKeepTheirFirstSubmitTime) {
  FakeClock clock(absl::FromUnixSeconds(1790000000));
  SessionStore sessions(&clock, absl::Hours(1));
  std::string id = sessions.Create({.patient_id = "p1"});
  std::string nonce = sessions.NewFormNonce(id);
  ASSERT_FALSE(nonce.empty());
  std::optional<absl::Time> first = sessions.SubmitTimeOf(id, nonce);
  ASSERT_TRUE(first.has_value());
  clock.Advance(absl::Minutes(5));
  EXPECT_EQ(sessions.SubmitTimeOf(id, nonce), first);
  EXPECT_FALSE(sessions.SubmitTimeOf(id, "other").has_value());
  clock.Advance(absl::Hours(1));
  EXPECT_FALSE(sessions.Get(id).has_value());
  EXPECT_FALSE(sessions.SubmitTimeOf(id, nonce).has_value());
}

}  // namespace
}  // namespace wor::plugin
