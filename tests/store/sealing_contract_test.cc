// The encryption-at-rest part of the Store contract, run against every
// implementation: personal data survives sealing, a record without a patient
// pseudonym is refused, and after the patient's key is destroyed every read
// returns the erased view (server/store/personal_data_sealer.h).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
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

using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kErased[] = "pseudonym-erased";
constexpr char kKept[] = "pseudonym-kept";

wor::v1::Referral ReferralOf(const std::string& id,
                             const std::string& pseudonym) {
  wor::v1::Referral referral = MakeReferral(id);
  referral.set_patient_pseudonym(pseudonym);
  referral.mutable_patient()->set_bsn("999993653");
  referral.mutable_patient()->mutable_address()->set_postal_code("7941AB");
  return referral;
}

// The referral as it must read after its patient's erasure.
wor::v1::Referral ErasedView(wor::v1::Referral referral) {
  referral.clear_patient();
  referral.clear_patient_question();
  referral.set_personal_data_erased(true);
  return referral;
}

wor::v1::ReferralEvent EventOf(const wor::v1::Referral& referral) {
  wor::v1::ReferralEvent event;
  event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CREATED);
  *event.mutable_referral() = referral;
  return event;
}

class SealingContractTest : public StoreContractTest {
 protected:
  // A referral, its feedback, its event and its idempotency record for each
  // of two patients; then the first patient's key is destroyed.
  void WriteTwoPatientsAndEraseOne() {
    for (const auto& [id, pseudonym] :
         std::vector<std::pair<std::string, std::string>>{{"e", kErased},
                                                          {"k", kKept}}) {
      ASSERT_THAT(store_->Write([&](WriteTransaction& tx) -> absl::Status {
        absl::Status status = tx.InsertReferral(id, ReferralOf(id, pseudonym));
        if (status.ok()) {
          status = tx.InsertFeedback(id, "f1", MakeFeedback("summary " + id));
        }
        if (status.ok())
          status = tx.AppendEvent(EventOf(ReferralOf(id, pseudonym)));
        if (status.ok()) {
          status = tx.InsertIdempotencyRecord(
              "request-" + id,
              IdempotencyRecord{"CreateReferral", "digest",
                                ReferralOf(id, pseudonym).SerializeAsString(),
                                pseudonym});
        }
        return status;
      }),
                  IsOk());
    }
    ASSERT_THAT(keyring_->Destroy(kErased), IsOk());
  }
};

TEST_P(SealingContractTest, EveryPersonalFieldSurvivesTheRoundTrip) {
  const wor::v1::Referral referral = ReferralOf("a", kKept);
  ASSERT_THAT(Insert("a", referral), IsOk());
  ASSERT_THAT(InsertFeedback("a", "f1", "Gaat goed met mevrouw."), IsOk());
  ASSERT_THAT(Append(EventOf(referral)), IsOk());
  const IdempotencyRecord record{"CreateReferral", "digest",
                                 referral.SerializeAsString(), kKept};
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
    return tx.InsertIdempotencyRecord("request-1", record);
  }),
              IsOk());

  EXPECT_THAT(store_->GetReferral("a"),
              IsOkAndHolds(::testing::Field(&StoredReferral::referral,
                                            EqualsProto(referral))));
  absl::StatusOr<std::vector<StoredReferral>> listed =
      store_->ListReferrals({}, 0, kNoLimit);
  ASSERT_THAT(listed, IsOk());
  ASSERT_THAT(*listed, SizeIs(1));
  EXPECT_THAT((*listed)[0].referral, EqualsProto(referral));
  EXPECT_THAT(
      GetFeedback("a", "f1"),
      IsOkAndHolds(EqualsProto(MakeFeedback("Gaat goed met mevrouw."))));
  absl::StatusOr<std::vector<StoredEvent>> events =
      store_->ReadEvents({}, 0, kNoLimit);
  ASSERT_THAT(events, IsOk());
  ASSERT_THAT(*events, SizeIs(1));
  EXPECT_THAT((*events)[0].event.referral(), EqualsProto(referral));
  absl::StatusOr<std::optional<IdempotencyRecord>> found =
      FindRecord("request-1");
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->result, record.result);
  EXPECT_EQ((*found)->patient_pseudonym, kKept);
}

TEST_P(SealingContractTest, AReferralWithoutAPatientPseudonymIsRefused) {
  wor::v1::Referral anonymous = MakeReferral("a");
  anonymous.clear_patient_pseudonym();

  EXPECT_THAT(Insert("a", anonymous),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Append(EventOf(anonymous)),
              StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_THAT(Insert("b"), IsOk());
  EXPECT_THAT(Update("b", 1, anonymous),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(store_->GetReferral("a"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(store_->GetReferral("b")->revision, 1);
}

TEST_P(SealingContractTest, AfterErasureAReferralReadsWithoutPersonalData) {
  WriteTwoPatientsAndEraseOne();

  const wor::v1::Referral erased = ErasedView(ReferralOf("e", kErased));
  EXPECT_THAT(store_->GetReferral("e"),
              IsOkAndHolds(::testing::Field(&StoredReferral::referral,
                                            EqualsProto(erased))));
  EXPECT_THAT(ReadInTransaction<StoredReferral>(
                  [](WriteTransaction& tx) { return tx.GetReferral("e"); }),
              IsOkAndHolds(::testing::Field(&StoredReferral::referral,
                                            EqualsProto(erased))));
  // Codes, states and organisations remain, so lists still filter on them.
  EXPECT_THAT(ListedNames({{wor::v1::REFERRAL_STATE_REQUESTED},
                           "01234567",
                           "welfareOrganisations/11111111"}),
              ::testing::ElementsAre("referrals/e", "referrals/k"));
  absl::StatusOr<std::vector<StoredReferral>> listed =
      store_->ListReferrals({}, 0, kNoLimit);
  ASSERT_THAT(listed, IsOk());
  ASSERT_THAT(*listed, SizeIs(2));
  EXPECT_THAT((*listed)[0].referral, EqualsProto(erased));
  // The other patient is untouched.
  EXPECT_THAT((*listed)[1].referral, EqualsProto(ReferralOf("k", kKept)));
}

TEST_P(SealingContractTest, AfterErasureFeedbackIsWithheld) {
  WriteTwoPatientsAndEraseOne();

  wor::v1::Feedback withheld = MakeFeedback("");
  withheld.set_content_withheld(true);
  EXPECT_THAT(GetFeedback("e", "f1"), IsOkAndHolds(EqualsProto(withheld)));
  absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>> listed =
      store_->ListFeedback("e", 0, kNoLimit);
  ASSERT_THAT(listed, IsOk());
  ASSERT_THAT(*listed, SizeIs(1));
  EXPECT_THAT((*listed)[0].second, EqualsProto(withheld));
  EXPECT_THAT(GetFeedback("k", "f1"),
              IsOkAndHolds(EqualsProto(MakeFeedback("summary k"))));
}

TEST_P(SealingContractTest, AfterErasureEventsAndIdempotencyResultsAreEmptied) {
  WriteTwoPatientsAndEraseOne();

  absl::StatusOr<std::vector<StoredEvent>> events =
      store_->ReadEvents({}, 0, kNoLimit);
  ASSERT_THAT(events, IsOk());
  ASSERT_THAT(*events, SizeIs(2));
  EXPECT_THAT((*events)[0].event.referral(),
              EqualsProto(ErasedView(ReferralOf("e", kErased))));
  EXPECT_THAT((*events)[1].event.referral(),
              EqualsProto(ReferralOf("k", kKept)));

  absl::StatusOr<std::optional<IdempotencyRecord>> erased =
      FindRecord("request-e");
  ASSERT_THAT(erased, IsOk());
  ASSERT_TRUE(erased->has_value());
  EXPECT_EQ((*erased)->method, "CreateReferral");
  EXPECT_EQ((*erased)->request_digest, "digest");
  EXPECT_THAT((*erased)->result, IsEmpty());
  absl::StatusOr<std::optional<IdempotencyRecord>> kept =
      FindRecord("request-k");
  ASSERT_THAT(kept, IsOk());
  ASSERT_TRUE(kept->has_value());
  EXPECT_EQ((*kept)->result, ReferralOf("k", kKept).SerializeAsString());
}

TEST_P(SealingContractTest, AfterErasureNothingNewIsStoredForThePatient) {
  WriteTwoPatientsAndEraseOne();

  EXPECT_THAT(keyring_->KeyForWriting(kErased),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Insert("e2", ReferralOf("e2", kErased)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(InsertFeedback("e", "f2", "new summary"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(store_->GetReferral("e2"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(GetFeedback("e", "f2"), StatusIs(absl::StatusCode::kNotFound));
}

// The domain keeps changing an erased referral's state (e.g. closing it) and
// acknowledging its feedback; what it writes back is the erased view.
TEST_P(SealingContractTest, AnErasedReferralCanStillBeUpdated) {
  WriteTwoPatientsAndEraseOne();
  absl::StatusOr<StoredReferral> current = store_->GetReferral("e");
  ASSERT_THAT(current, IsOk());
  wor::v1::Referral closed = current->referral;
  closed.set_state(wor::v1::REFERRAL_STATE_COMPLETED);
  absl::StatusOr<wor::v1::Feedback> feedback = GetFeedback("e", "f1");
  ASSERT_THAT(feedback, IsOk());
  feedback->mutable_acknowledge_time()->set_seconds(1767571200);

  ASSERT_THAT(Update("e", current->revision, closed), IsOk());
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
    return tx.UpdateFeedback("e", "f1", *feedback);
  }),
              IsOk());

  EXPECT_THAT(store_->GetReferral("e"),
              IsOkAndHolds(::testing::Field(&StoredReferral::referral,
                                            EqualsProto(closed))));
  EXPECT_THAT(GetFeedback("e", "f1"), IsOkAndHolds(EqualsProto(*feedback)));
}

TEST_P(SealingContractTest, AReferralMarkedErasedWithPersonalDataIsRefused) {
  wor::v1::Referral contradictory = MakeReferral("a");
  contradictory.set_personal_data_erased(true);
  EXPECT_THAT(Insert("a", contradictory),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_P(SealingContractTest, ResultsWithoutAPatientAreKeptAsTheyAre) {
  ASSERT_THAT(store_->Write([](WriteTransaction& tx) {
    return tx.InsertIdempotencyRecord(
        "request-1", IdempotencyRecord{"AcknowledgeFeedback", "d", "r", ""});
  }),
              IsOk());
  ASSERT_THAT(keyring_->Destroy(kPatient), IsOk());

  absl::StatusOr<std::optional<IdempotencyRecord>> found =
      FindRecord("request-1");
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->result, "r");
}

INSTANTIATE_TEST_SUITE_P(AllStores, SealingContractTest,
                         AllStoreImplementations(), StoreImplementationName);

}  // namespace
}  // namespace wor::server
