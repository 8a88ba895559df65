-- Version 5: coach scheduling.
--
-- * `assigned_coach`: Referral.assigned_coach, for the coach's worklist
--   (ReferralFilter.assigned_coach).
-- * `intake_coach`, `intake_start`, `intake_end` (nanoseconds since the Unix
--   epoch): the booked intake the referral holds on its coach's calendar
--   (BookedIntakeOf in store_filters.h); empty and 0 when it holds none.
--   The partial index serves the double-booking check and the slot finder.
-- * `coach_availability`: each coach's published availability, one
--   wor.v1.CoachAvailability per coach (no patient data), with the revision
--   its etag is made of.
ALTER TABLE referrals ADD COLUMN assigned_coach TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN intake_coach TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN intake_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE referrals ADD COLUMN intake_end INTEGER NOT NULL DEFAULT 0;
CREATE INDEX referrals_by_assigned_coach ON referrals (assigned_coach, sequence);
CREATE INDEX referrals_by_intake_coach ON referrals (intake_coach, intake_start)
  WHERE intake_coach != '';

CREATE TABLE coach_availability (
  coach    TEXT    PRIMARY KEY,  -- welfareOrganisations/{kvk}/coaches/{id}
  revision INTEGER NOT NULL,     -- etag basis
  body     BLOB    NOT NULL      -- wor.v1.CoachAvailability
) WITHOUT ROWID;
