// A gMock ReferralEventStream, for mocking ReferralConnection::WatchReferrals:
//
//   auto events =
//   std::make_unique<wor::client::mocks::MockReferralEventStream>();
//   EXPECT_CALL(*events, Next())
//       .WillOnce(Return(event))
//       .WillOnce(Return(absl::CancelledError("done")));
//   EXPECT_CALL(*mock_connection, WatchReferrals)
//       .WillOnce(Return(ByMove(std::move(events))));
#ifndef WOR_CLIENT_MOCKS_MOCK_REFERRAL_EVENT_STREAM_H_
#define WOR_CLIENT_MOCKS_MOCK_REFERRAL_EVENT_STREAM_H_

#include <string>

#include "gmock/gmock.h"
#include "wor/client/referral_event_stream.h"

namespace wor::client::mocks {

class MockReferralEventStream : public wor::client::ReferralEventStream {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::ReferralEvent>, Next, (), (override));
  MOCK_METHOD(void, Cancel, (), (override));
  MOCK_METHOD(std::string, resume_token, (), (const, override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_REFERRAL_EVENT_STREAM_H_
