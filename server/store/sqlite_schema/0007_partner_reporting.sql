-- Version 7: partner reporting (PartnerService).
--
-- referral_facts: one narrow row per referral with what statistics count
-- (server/store/referral_facts.h), rewritten with the referral in the same
-- transaction. Codes and numbers only; `patient_pseudonym` is the server's
-- HMAC pseudonym, mapped to a per-partner pseudonym before it leaves. Days
-- are days since 1970-01-01 of the local (Europe/Amsterdam) date. The
-- scores are 6 little-endian IEEE doubles, one per Positive Health
-- dimension 1-6 (wor.v1.PositiveHealthDimension), NaN when not scored; NULL
-- when none is (one column instead of six keeps a million-row scan short).
-- Referrals stored before this version have no row.
-- Clustered by referral day (WITHOUT ROWID, day first in the key): a
-- period's statistics read one contiguous range instead of looking every
-- row up through an index.
CREATE TABLE referral_facts (
  referral_id             TEXT    NOT NULL UNIQUE,
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
  intake_scores           BLOB,
  closing_scores          BLOB,
  PRIMARY KEY (referral_day, referral_id)
) WITHOUT ROWID;

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
