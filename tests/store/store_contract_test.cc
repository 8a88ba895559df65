// The Store contract (server/store/store.h) for referrals, idempotency
// records, feedback, events and concurrency, run against every
// implementation (see store_contract_fixture.h). The audit log and the
// sealing of personal data have their own contract suites.
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/store/store.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::SizeIs;

// Referrals.

TEST_P(StoreContractTest, AnInsertedReferralIsReadBackAtRevisionOne) {
  const wor::v1::Referral referral = MakeReferral("a");
  ASSERT_THAT(Insert("a", referral), IsOk());

  absl::StatusOr<StoredReferral> stored = store_->GetReferral("a");
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(stored->referral, EqualsProto(referral));
  EXPECT_EQ(stored->revision, 1);
  EXPECT_GT(stored->sequence, 0);
}

TEST_P(StoreContractTest, EachInsertedReferralGetsAHigherSequence) {
  ASSERT_THAT(Insert("b"), IsOk());
  ASSERT_THAT(Insert("a"), IsOk());
  ASSERT_THAT(Insert("c"), IsOk());

  absl::StatusOr<StoredReferral> b = store_->GetReferral("b");
  absl::StatusOr<StoredReferral> a = store_->GetReferral("a");
  absl::StatusOr<StoredReferral> c = store_->GetReferral("c");
  ASSERT_THAT(b, IsOk());
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(c, IsOk());
  EXPECT_LT(b->sequence, a->sequence);
  EXPECT_LT(a->sequence, c->sequence);
}

TEST_P(StoreContractTest, AMissingReferralIsNotFound) {
  EXPECT_THAT(store_->GetReferral("missing"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(ReadInTransaction<StoredReferral>([](WriteTransaction& tx) {
                return tx.GetReferral("missing");
              }),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(StoreContractTest,
       InsertingADuplicateIdIsAlreadyExistsAndKeepsTheFirst) {
  const wor::v1::Referral first = MakeReferral("a", "01234567");
  ASSERT_THAT(Insert("a", first), IsOk());

  EXPECT_THAT(Insert("a", MakeReferral("a", "07654321")),
              StatusIs(absl::StatusCode::kAlreadyExists));
  absl::StatusOr<StoredReferral> stored = store_->GetReferral("a");
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(stored->referral, EqualsProto(first));
  EXPECT_EQ(stored->revision, 1);
}

TEST_P(StoreContractTest, UpdatingAtTheCurrentRevisionReplacesAndBumpsIt) {
  ASSERT_THAT(Insert("a"), IsOk());
  const int64_t sequence = store_->GetReferral("a")->sequence;
  const wor::v1::Referral accepted =
      MakeReferral("a", "01234567", "welfareOrganisations/11111111",
                   wor::v1::REFERRAL_STATE_ACCEPTED);

  ASSERT_THAT(Update("a", 1, accepted), IsOk());
  absl::StatusOr<StoredReferral> stored = store_->GetReferral("a");
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(stored->referral, EqualsProto(accepted));
  EXPECT_EQ(stored->revision, 2);
  EXPECT_EQ(stored->sequence, sequence);

  ASSERT_THAT(Update("a", 2, MakeReferral("a")), IsOk());
  EXPECT_EQ(store_->GetReferral("a")->revision, 3);
}

TEST_P(StoreContractTest, UpdatingAtAStaleRevisionIsAbortedAndChangesNothing) {
  const wor::v1::Referral original = MakeReferral("a");
  ASSERT_THAT(Insert("a", original), IsOk());
  ASSERT_THAT(Update("a", 1, original), IsOk());

  EXPECT_THAT(Update("a", 1, MakeReferral("a", "07654321")),
              StatusIs(absl::StatusCode::kAborted));
  absl::StatusOr<StoredReferral> stored = store_->GetReferral("a");
  ASSERT_THAT(stored, IsOk());
  EXPECT_THAT(stored->referral, EqualsProto(original));
  EXPECT_EQ(stored->revision, 2);
}

TEST_P(StoreContractTest, UpdatingAMissingReferralIsNotFound) {
  EXPECT_THAT(Update("missing", 1, MakeReferral("missing")),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->GetReferral("missing"),
              StatusIs(absl::StatusCode::kNotFound));
}

// Transactions.

TEST_P(StoreContractTest, AFailedWriteKeepsNothingAndReturnsItsOwnStatus) {
  ASSERT_THAT(Insert("existing"), IsOk());
  const absl::Status refusal =
      absl::FailedPreconditionError("the referral is already closed");

  absl::Status status = store_->Write([&](WriteTransaction& tx) {
    EXPECT_THAT(tx.InsertReferral("new", MakeReferral("new")), IsOk());
    EXPECT_THAT(
        tx.UpdateReferral("existing", 1, MakeReferral("existing", "07654321")),
        IsOk());
    EXPECT_THAT(tx.InsertIdempotencyRecord(
                    "request-1", IdempotencyRecord{"CreateReferral", "digest",
                                                   "result", ""}),
                IsOk());
    EXPECT_THAT(tx.InsertFeedback("existing", "f1", MakeFeedback("summary")),
                IsOk());
    EXPECT_THAT(tx.AppendEvent(MakeEvent()), IsOk());
    return refusal;
  });

  EXPECT_EQ(status, refusal);
  EXPECT_THAT(store_->GetReferral("new"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(store_->GetReferral("existing")->revision, 1);
  EXPECT_THAT(FindRecord("request-1"),
              IsOkAndHolds(::testing::Eq(std::nullopt)));
  EXPECT_THAT(GetFeedback("existing", "f1"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->ListFeedback("existing", 0, kNoLimit),
              IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(EventSequences({}), IsEmpty());
  EXPECT_FALSE(store_->WaitForEventsAfter(0, absl::ZeroDuration()));
}

TEST_P(StoreContractTest, ReadsInsideAWriteSeeItsOwnEarlierWrites) {
  absl::Status status = store_->Write([](WriteTransaction& tx) {
    EXPECT_THAT(tx.InsertReferral("a", MakeReferral("a")), IsOk());
    EXPECT_EQ(tx.GetReferral("a")->revision, 1);
    const wor::v1::Referral accepted =
        MakeReferral("a", "01234567", "welfareOrganisations/11111111",
                     wor::v1::REFERRAL_STATE_ACCEPTED);
    EXPECT_THAT(tx.UpdateReferral("a", 1, accepted), IsOk());
    absl::StatusOr<StoredReferral> updated = tx.GetReferral("a");
    EXPECT_THAT(updated, IsOk());
    EXPECT_EQ(updated->revision, 2);
    EXPECT_THAT(updated->referral, EqualsProto(accepted));

    EXPECT_THAT(tx.InsertIdempotencyRecord(
                    "request-1", IdempotencyRecord{"M", "D", "R", ""}),
                IsOk());
    absl::StatusOr<std::optional<IdempotencyRecord>> record =
        tx.FindIdempotencyRecord("request-1");
    EXPECT_THAT(record, IsOk());
    EXPECT_TRUE(record->has_value());

    EXPECT_THAT(tx.InsertFeedback("a", "f1", MakeFeedback("first")), IsOk());
    EXPECT_THAT(tx.GetFeedback("a", "f1"),
                IsOkAndHolds(EqualsProto(MakeFeedback("first"))));
    EXPECT_THAT(tx.UpdateFeedback("a", "f1", MakeFeedback("second")), IsOk());
    EXPECT_THAT(tx.GetFeedback("a", "f1"),
                IsOkAndHolds(EqualsProto(MakeFeedback("second"))));
    return absl::OkStatus();
  });
  EXPECT_THAT(status, IsOk());
}

// Idempotency records.

TEST_P(StoreContractTest, AnIdempotencyRecordIsFoundByItsRequestId) {
  // Digests and results are binary; a NUL byte must survive.
  const IdempotencyRecord record{"CreateReferral", std::string("d\0g", 3),
                                 std::string("\x08\x00\x01", 3), ""};
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
    return tx.InsertIdempotencyRecord("request-1", record);
  }),
              IsOk());

  absl::StatusOr<std::optional<IdempotencyRecord>> found =
      FindRecord("request-1");
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->method, record.method);
  EXPECT_EQ((*found)->request_digest, record.request_digest);
  EXPECT_EQ((*found)->result, record.result);
  EXPECT_THAT(FindRecord("request-2"),
              IsOkAndHolds(::testing::Eq(std::nullopt)));
}

TEST_P(StoreContractTest, ReusingARequestIdIsAlreadyExistsAndKeepsTheFirst) {
  ASSERT_THAT(store_->Write([](WriteTransaction& tx) {
    return tx.InsertIdempotencyRecord(
        "request-1", IdempotencyRecord{"First", "d1", "r1", ""});
  }),
              IsOk());

  EXPECT_THAT(store_->Write([](WriteTransaction& tx) {
    return tx.InsertIdempotencyRecord(
        "request-1", IdempotencyRecord{"Second", "d2", "r2", ""});
  }),
              StatusIs(absl::StatusCode::kAlreadyExists));
  absl::StatusOr<std::optional<IdempotencyRecord>> found =
      FindRecord("request-1");
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->method, "First");
}

// Feedback.

TEST_P(StoreContractTest, FeedbackIsStoredReadAndReplaced) {
  ASSERT_THAT(Insert("a"), IsOk());
  ASSERT_THAT(InsertFeedback("a", "f1", "first"), IsOk());
  EXPECT_THAT(GetFeedback("a", "f1"),
              IsOkAndHolds(EqualsProto(MakeFeedback("first"))));

  ASSERT_THAT(store_->Write([](WriteTransaction& tx) {
    return tx.UpdateFeedback("a", "f1", MakeFeedback("second"));
  }),
              IsOk());
  EXPECT_THAT(GetFeedback("a", "f1"),
              IsOkAndHolds(EqualsProto(MakeFeedback("second"))));
}

TEST_P(StoreContractTest, MissingOrDuplicateFeedbackIsRefused) {
  ASSERT_THAT(Insert("a"), IsOk());
  ASSERT_THAT(InsertFeedback("a", "f1", "first"), IsOk());

  EXPECT_THAT(InsertFeedback("a", "f1", "again"),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(GetFeedback("a", "f2"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->Write([](WriteTransaction& tx) {
    return tx.UpdateFeedback("a", "f2", MakeFeedback("x"));
  }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(GetFeedback("a", "f1"),
              IsOkAndHolds(EqualsProto(MakeFeedback("first"))));
}

TEST_P(StoreContractTest, FeedbackIsListedOldestFirstAndPagedByPosition) {
  ASSERT_THAT(Insert("a"), IsOk());
  for (const char* id : {"f1", "f2", "f3", "f4", "f5"}) {
    ASSERT_THAT(InsertFeedback("a", id, id), IsOk());
  }

  std::vector<std::string> summaries;
  std::vector<int> page_sizes;
  int64_t after = 0;
  while (true) {
    absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>> page =
        store_->ListFeedback("a", after, 2);
    ASSERT_THAT(page, IsOk());
    if (page->empty()) break;
    page_sizes.push_back(static_cast<int>(page->size()));
    for (const auto& [position, feedback] : *page) {
      EXPECT_GT(position, after);
      after = position;
      summaries.push_back(feedback.summary());
    }
  }
  EXPECT_THAT(summaries, ElementsAre("f1", "f2", "f3", "f4", "f5"));
  EXPECT_THAT(page_sizes, ElementsAre(2, 2, 1));
}

TEST_P(StoreContractTest, FeedbackOfOneReferralIsInvisibleToAnother) {
  ASSERT_THAT(Insert("a"), IsOk());
  ASSERT_THAT(Insert("b"), IsOk());
  ASSERT_THAT(InsertFeedback("a", "f1", "a1"), IsOk());
  ASSERT_THAT(InsertFeedback("b", "f1", "b1"), IsOk());
  ASSERT_THAT(InsertFeedback("a", "f2", "a2"), IsOk());

  absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>> of_b =
      store_->ListFeedback("b", 0, kNoLimit);
  ASSERT_THAT(of_b, IsOk());
  ASSERT_THAT(*of_b, SizeIs(1));
  EXPECT_EQ((*of_b)[0].second.summary(), "b1");
  EXPECT_THAT(store_->ListFeedback("a", 0, kNoLimit), IsOkAndHolds(SizeIs(2)));
  EXPECT_THAT(store_->ListFeedback("c", 0, kNoLimit), IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(GetFeedback("b", "f1"),
              IsOkAndHolds(EqualsProto(MakeFeedback("b1"))));
  EXPECT_THAT(GetFeedback("b", "f2"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_P(StoreContractTest, FeedbackOnAMissingReferralIsNotFound) {
  EXPECT_THAT(InsertFeedback("missing", "f1", "summary"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_->ListFeedback("missing", 0, kNoLimit),
              IsOkAndHolds(IsEmpty()));
}

// Events.

TEST_P(StoreContractTest, AppendedEventsGetIncreasingSequencesAndResumeTokens) {
  ASSERT_THAT(Append(MakeEvent("00000001")), IsOk());
  ASSERT_THAT(store_->Write([](WriteTransaction& tx) {
    EXPECT_THAT(tx.AppendEvent(MakeEvent("00000002")), IsOk());
    return tx.AppendEvent(MakeEvent("00000003"));
  }),
              IsOk());

  absl::StatusOr<std::vector<StoredEvent>> events =
      store_->ReadEvents({}, 0, kNoLimit);
  ASSERT_THAT(events, IsOk());
  ASSERT_THAT(*events, SizeIs(3));
  int64_t previous = 0;
  for (int i = 0; i < 3; ++i) {
    const StoredEvent& stored = (*events)[i];
    EXPECT_GT(stored.sequence, previous);
    previous = stored.sequence;
    EXPECT_EQ(stored.event.resume_token(),
              ResumeTokenForSequence(stored.sequence));
    EXPECT_EQ(stored.event.referral().referrer().practice_agb(),
              absl::StrCat("0000000", i + 1));
    EXPECT_EQ(stored.event.type(), wor::v1::REFERRAL_EVENT_TYPE_CREATED);
  }
}

TEST_P(StoreContractTest,
       ReadEventsStartsAfterTheGivenSequenceAndStopsAtTheLimit) {
  for (int i = 0; i < 5; ++i) ASSERT_THAT(Append(MakeEvent()), IsOk());
  const std::vector<int64_t> all = EventSequences({});
  ASSERT_THAT(all, SizeIs(5));

  EXPECT_THAT(EventSequences({}, all[1]), ElementsAre(all[2], all[3], all[4]));
  EXPECT_THAT(EventSequences({}, 0, 2), ElementsAre(all[0], all[1]));
  EXPECT_THAT(EventSequences({}, all[2], 1), ElementsAre(all[3]));
  EXPECT_THAT(EventSequences({}, all[4]), IsEmpty());
}

TEST_P(StoreContractTest, ReadEventsFiltersByPracticeAndOrganisation) {
  // Practice P1 with organisation O1, P1/O2, P2/O1, P2/O2, P1/O1.
  ASSERT_THAT(Append(MakeEvent("P1", "O1")), IsOk());
  ASSERT_THAT(Append(MakeEvent("P1", "O2")), IsOk());
  ASSERT_THAT(Append(MakeEvent("P2", "O1")), IsOk());
  ASSERT_THAT(Append(MakeEvent("P2", "O2")), IsOk());
  ASSERT_THAT(Append(MakeEvent("P1", "O1")), IsOk());
  const std::vector<int64_t> all = EventSequences({});
  ASSERT_THAT(all, SizeIs(5));

  EXPECT_THAT(EventSequences({"P1", ""}), ElementsAre(all[0], all[1], all[4]));
  EXPECT_THAT(EventSequences({"", "O2"}), ElementsAre(all[1], all[3]));
  EXPECT_THAT(EventSequences({"P2", "O1"}), ElementsAre(all[2]));
  EXPECT_THAT(EventSequences({"P3", ""}), IsEmpty());
  // The limit counts matching events, not events looked at.
  EXPECT_THAT(EventSequences({"P2", ""}, 0, 1), ElementsAre(all[2]));
  EXPECT_THAT(EventSequences({"P1", "O1"}, all[0]), ElementsAre(all[4]));
}

TEST_P(StoreContractTest, WaitingReturnsAtOnceWhenANewerEventExists) {
  ASSERT_THAT(Append(MakeEvent()), IsOk());
  const std::vector<int64_t> sequences = EventSequences({});
  ASSERT_THAT(sequences, SizeIs(1));

  EXPECT_TRUE(store_->WaitForEventsAfter(0, absl::ZeroDuration()));
  EXPECT_TRUE(
      store_->WaitForEventsAfter(sequences[0] - 1, absl::ZeroDuration()));
}

TEST_P(StoreContractTest,
       WaitingReturnsFalseAfterTheTimeoutWhenNothingIsNewer) {
  EXPECT_FALSE(store_->WaitForEventsAfter(0, absl::Milliseconds(20)));
  ASSERT_THAT(Append(MakeEvent()), IsOk());
  const std::vector<int64_t> sequences = EventSequences({});
  ASSERT_THAT(sequences, SizeIs(1));
  EXPECT_FALSE(
      store_->WaitForEventsAfter(sequences[0], absl::Milliseconds(20)));
}

TEST_P(StoreContractTest, WaitingWakesWhenAnotherThreadCommitsAnEvent) {
  absl::Status appended = absl::UnknownError("not run");
  std::thread writer([&] { appended = Append(MakeEvent()); });
  // Generous: the wait ends as soon as the event commits.
  const bool woke = store_->WaitForEventsAfter(0, absl::Seconds(10));
  writer.join();

  EXPECT_TRUE(woke);
  EXPECT_THAT(appended, IsOk());
  EXPECT_THAT(EventSequences({}), SizeIs(1));
}

// Listing referrals.

TEST_P(StoreContractTest, ReferralsAreListedInCreationOrder) {
  for (const char* id : {"c", "a", "b"}) ASSERT_THAT(Insert(id), IsOk());
  EXPECT_THAT(ListedNames({}),
              ElementsAre("referrals/c", "referrals/a", "referrals/b"));
}

TEST_P(StoreContractTest, ListingHonoursEveryFilterField) {
  using wor::v1::REFERRAL_STATE_ACCEPTED;
  using wor::v1::REFERRAL_STATE_COMPLETED;
  using wor::v1::REFERRAL_STATE_REQUESTED;
  ASSERT_THAT(
      Insert("r1", MakeReferral("r1", "P1", "O1", REFERRAL_STATE_REQUESTED)),
      IsOk());
  ASSERT_THAT(
      Insert("r2", MakeReferral("r2", "P2", "O1", REFERRAL_STATE_ACCEPTED)),
      IsOk());
  ASSERT_THAT(
      Insert("r3", MakeReferral("r3", "P1", "O2", REFERRAL_STATE_COMPLETED)),
      IsOk());
  ASSERT_THAT(
      Insert("r4", MakeReferral("r4", "P2", "O2", REFERRAL_STATE_REQUESTED)),
      IsOk());

  EXPECT_THAT(ListedNames({{REFERRAL_STATE_REQUESTED}, "", ""}),
              ElementsAre("referrals/r1", "referrals/r4"));
  EXPECT_THAT(
      ListedNames(
          {{REFERRAL_STATE_ACCEPTED, REFERRAL_STATE_COMPLETED}, "", ""}),
      ElementsAre("referrals/r2", "referrals/r3"));
  EXPECT_THAT(ListedNames({{}, "P1", ""}),
              ElementsAre("referrals/r1", "referrals/r3"));
  EXPECT_THAT(ListedNames({{}, "", "O2"}),
              ElementsAre("referrals/r3", "referrals/r4"));
  EXPECT_THAT(ListedNames({{REFERRAL_STATE_REQUESTED}, "P2", "O2"}),
              ElementsAre("referrals/r4"));
  EXPECT_THAT(ListedNames({{}, "P3", ""}), IsEmpty());
}

TEST_P(StoreContractTest, ListingByPatientFindsOnlyTheirReferrals) {
  for (const auto& [id, patient] :
       std::vector<std::pair<std::string, std::string>>{
           {"r1", "p1"}, {"r2", "p2"}, {"r3", "p1"}}) {
    wor::v1::Referral referral = MakeReferral(id);
    referral.set_patient_pseudonym(patient);
    ASSERT_THAT(Insert(id, referral), IsOk());
  }
  ReferralFilter of_p1;
  of_p1.patient_pseudonym = "p1";
  ReferralFilter of_p3;
  of_p3.patient_pseudonym = "p3";

  EXPECT_THAT(ListedNames(of_p1), ElementsAre("referrals/r1", "referrals/r3"));
  EXPECT_THAT(ListedNames(of_p1, store_->GetReferral("r1")->sequence, 1),
              ElementsAre("referrals/r3"));
  EXPECT_THAT(ListedNames(of_p3), IsEmpty());
}

TEST_P(StoreContractTest, ListingPagesByAfterSequenceAndLimit) {
  for (const char* id : {"r1", "r2", "r3", "r4", "r5"}) {
    ASSERT_THAT(Insert(id, MakeReferral(id, id[1] % 2 ? "odd" : "even")),
                IsOk());
  }
  const int64_t r2 = store_->GetReferral("r2")->sequence;

  EXPECT_THAT(ListedNames({}, 0, 2),
              ElementsAre("referrals/r1", "referrals/r2"));
  EXPECT_THAT(ListedNames({}, r2, 2),
              ElementsAre("referrals/r3", "referrals/r4"));
  // The limit counts matches; the filter is applied before it.
  EXPECT_THAT(ListedNames({{}, "odd", ""}, 0, 2),
              ElementsAre("referrals/r1", "referrals/r3"));
  EXPECT_THAT(ListedNames({{}, "odd", ""}, r2, kNoLimit),
              ElementsAre("referrals/r3", "referrals/r5"));
}

TEST_P(StoreContractTest, ListingMatchesTheLatestRevisionOfAReferral) {
  ASSERT_THAT(Insert("a", MakeReferral("a", "P1", "O1")), IsOk());
  ASSERT_THAT(
      Update("a", 1,
             MakeReferral("a", "P2", "O2", wor::v1::REFERRAL_STATE_ACCEPTED)),
      IsOk());

  EXPECT_THAT(ListedNames({{wor::v1::REFERRAL_STATE_ACCEPTED}, "P2", "O2"}),
              ElementsAre("referrals/a"));
  EXPECT_THAT(ListedNames({{wor::v1::REFERRAL_STATE_REQUESTED}, "", ""}),
              IsEmpty());
  EXPECT_THAT(ListedNames({{}, "P1", ""}), IsEmpty());
  EXPECT_THAT(ListedNames({{}, "", "O1"}), IsEmpty());
}

// The escalation scanner's alarm index.

wor::v1::Referral WithAlarm(wor::v1::Referral referral,
                            std::optional<absl::Time> alarm) {
  if (alarm) {
    referral.mutable_next_deadline_alarm_time()->set_seconds(
        absl::ToUnixSeconds(*alarm));
  } else {
    referral.clear_next_deadline_alarm_time();
  }
  return referral;
}

TEST_P(StoreContractTest, DueAlarmsAreListedEarliestFirstUpToNow) {
  const absl::Time t0 = absl::FromUnixSeconds(1790000000);
  ASSERT_THAT(
      Insert("late", WithAlarm(MakeReferral("late"), t0 + absl::Hours(2))),
      IsOk());
  ASSERT_THAT(Insert("early", WithAlarm(MakeReferral("early"), t0)), IsOk());
  ASSERT_THAT(Insert("none", WithAlarm(MakeReferral("none"), std::nullopt)),
              IsOk());
  ASSERT_THAT(
      Insert("mid", WithAlarm(MakeReferral("mid"), t0 + absl::Hours(1))),
      IsOk());

  EXPECT_THAT(store_->ListReferralsWithAlarmDue(t0 - absl::Seconds(1), 10),
              IsOkAndHolds(IsEmpty()));
  // An alarm at exactly now is due.
  EXPECT_THAT(store_->ListReferralsWithAlarmDue(t0, 10),
              IsOkAndHolds(ElementsAre("early")));
  EXPECT_THAT(store_->ListReferralsWithAlarmDue(t0 + absl::Hours(3), 10),
              IsOkAndHolds(ElementsAre("early", "mid", "late")));
  EXPECT_THAT(store_->ListReferralsWithAlarmDue(t0 + absl::Hours(3), 2),
              IsOkAndHolds(ElementsAre("early", "mid")));
}

TEST_P(StoreContractTest, AnUpdateMovesOrClearsTheAlarm) {
  const absl::Time t0 = absl::FromUnixSeconds(1790000000);
  ASSERT_THAT(Insert("a", WithAlarm(MakeReferral("a"), t0)), IsOk());
  ASSERT_THAT(Insert("b", WithAlarm(MakeReferral("b"), t0)), IsOk());
  ASSERT_THAT(Update("a", 1, WithAlarm(MakeReferral("a"), t0 + absl::Hours(5))),
              IsOk());
  ASSERT_THAT(Update("b", 1, WithAlarm(MakeReferral("b"), std::nullopt)),
              IsOk());

  EXPECT_THAT(store_->ListReferralsWithAlarmDue(t0 + absl::Hours(1), 10),
              IsOkAndHolds(IsEmpty()));
  EXPECT_THAT(store_->ListReferralsWithAlarmDue(t0 + absl::Hours(5), 10),
              IsOkAndHolds(ElementsAre("a")));
}

// Concurrency.

TEST_P(StoreContractTest, ConcurrentWritesAllLandExactlyOnce) {
  constexpr int kThreads = 16;
  constexpr int kWritesPerThread = 50;
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const std::string id = absl::StrCat("t", t, "-", i);
        absl::Status status = store_->Write([&](WriteTransaction& tx) {
          absl::Status inserted = tx.InsertReferral(id, MakeReferral(id));
          if (!inserted.ok()) return inserted;
          return tx.AppendEvent(MakeEvent());
        });
        if (!status.ok()) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_THAT(failures, ::testing::Each(0));
  absl::StatusOr<std::vector<StoredReferral>> referrals =
      store_->ListReferrals({}, 0, 10 * kThreads * kWritesPerThread);
  ASSERT_THAT(referrals, IsOk());
  std::set<std::string> names;
  std::set<int64_t> referral_sequences;
  for (const StoredReferral& stored : *referrals) {
    names.insert(stored.referral.name());
    referral_sequences.insert(stored.sequence);
  }
  EXPECT_THAT(*referrals, SizeIs(kThreads * kWritesPerThread));
  EXPECT_THAT(names, SizeIs(kThreads * kWritesPerThread));
  EXPECT_THAT(referral_sequences, SizeIs(kThreads * kWritesPerThread));

  const std::vector<int64_t> events =
      EventSequences({}, 0, 10 * kThreads * kWritesPerThread);
  EXPECT_THAT(events, SizeIs(kThreads * kWritesPerThread));
  EXPECT_THAT(std::set<int64_t>(events.begin(), events.end()),
              SizeIs(kThreads * kWritesPerThread));
}

TEST_P(StoreContractTest, ConcurrentReadModifyWritesBehaveAsIfSerial) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 25;
  ASSERT_THAT(Insert("counter"), IsOk());
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        absl::Status status = store_->Write([](WriteTransaction& tx) {
          absl::StatusOr<StoredReferral> current = tx.GetReferral("counter");
          if (!current.ok()) return current.status();
          return tx.UpdateReferral("counter", current->revision,
                                   current->referral);
        });
        if (!status.ok()) ++failures[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_THAT(failures, ::testing::Each(0));
  EXPECT_EQ(store_->GetReferral("counter")->revision,
            1 + kThreads * kWritesPerThread);
}

INSTANTIATE_TEST_SUITE_P(AllStores, StoreContractTest,
                         AllStoreImplementations(), StoreImplementationName);

// Etags and resume tokens do not depend on the implementation.

TEST(EtagTest, EveryRevisionSurvivesTheRoundTrip) {
  for (int64_t revision : {int64_t{0}, int64_t{1}, int64_t{42},
                           std::numeric_limits<int64_t>::max()}) {
    EXPECT_THAT(RevisionFromEtag(EtagForRevision(revision)), Optional(revision))
        << EtagForRevision(revision);
  }
}

TEST(EtagTest, MalformedEtagsAreRejected) {
  for (const char* etag :
       {"", "r", "x1", "r-1", "r1x", "1", "e1", "r99999999999999999999"}) {
    EXPECT_EQ(RevisionFromEtag(etag), std::nullopt) << '"' << etag << '"';
  }
}

TEST(ResumeTokenTest, EverySequenceSurvivesTheRoundTrip) {
  for (int64_t sequence : {int64_t{0}, int64_t{1}, int64_t{42},
                           std::numeric_limits<int64_t>::max()}) {
    EXPECT_THAT(SequenceFromResumeToken(ResumeTokenForSequence(sequence)),
                Optional(sequence))
        << ResumeTokenForSequence(sequence);
  }
}

TEST(ResumeTokenTest, MalformedResumeTokensAreRejected) {
  for (const char* token :
       {"", "e", "x1", "e-1", "e1x", "1", "r1", "e99999999999999999999"}) {
    EXPECT_EQ(SequenceFromResumeToken(token), std::nullopt)
        << '"' << token << '"';
  }
}

}  // namespace
}  // namespace wor::server
