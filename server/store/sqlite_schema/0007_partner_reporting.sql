-- Version 7: partner reporting (PartnerService).
--
-- referral_facts: one narrow row per referral with what statistics count
-- (server/store/referral_facts.h), rewritten with the referral in the same
-- transaction. Codes and numbers only; `patient_pseudonym` is the server's
-- HMAC pseudonym, mapped to a per-partner pseudonym before it leaves. Days
-- are days since 1970-01-01 of the local (Europe/Amsterdam) date. Scores are
-- per Positive Health dimension 1-6 (wor.v1.PositiveHealthDimension), NULL
-- when not scored. Referrals stored before this version have no row.
CREATE TABLE referral_facts (
  referral_id             TEXT    PRIMARY KEY,
  practice_agb            TEXT    NOT NULL,
  patient_pseudonym       TEXT    NOT NULL,
  referral_day            INTEGER NOT NULL,
  age_band                TEXT    NOT NULL,
  route                   INTEGER NOT NULL,
  state                   INTEGER NOT NULL,
  outcome                 INTEGER NOT NULL,
  indicator_mask          INTEGER NOT NULL,
  working_days_to_contact INTEGER,
  contact_within_target   INTEGER NOT NULL,
  contact_within_limit    INTEGER NOT NULL,
  working_days_to_intake  INTEGER,
  monitoring_consent      INTEGER NOT NULL,
  intake_score_1 REAL, intake_score_2 REAL, intake_score_3 REAL,
  intake_score_4 REAL, intake_score_5 REAL, intake_score_6 REAL,
  closing_score_1 REAL, closing_score_2 REAL, closing_score_3 REAL,
  closing_score_4 REAL, closing_score_5 REAL, closing_score_6 REAL
);
CREATE INDEX referral_facts_by_day ON referral_facts (referral_day);

-- Coach time per referral and day (IntakeService.LogCoachTime), for the
-- funders' budget report. No personal data.
CREATE TABLE coach_time (
  sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
  referral_id  TEXT    NOT NULL,
  practice_agb TEXT    NOT NULL,
  coach        TEXT    NOT NULL,
  day          INTEGER NOT NULL,  -- days since 1970-01-01
  minutes      INTEGER NOT NULL
);
CREATE INDEX coach_time_by_day ON coach_time (day);
