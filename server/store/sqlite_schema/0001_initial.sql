-- Version 1: referrals, idempotency records, feedback and the event outbox.
-- Personal data lives only in the protobuf `body` columns; the indexed
-- columns hold codes and organisation identifiers.

CREATE TABLE referrals (
  sequence             INTEGER PRIMARY KEY AUTOINCREMENT,  -- creation order
  id                   TEXT    NOT NULL UNIQUE,
  revision             INTEGER NOT NULL,                   -- etag basis
  state                INTEGER NOT NULL,                   -- wor.v1.ReferralState
  practice_agb         TEXT    NOT NULL,
  welfare_organisation TEXT    NOT NULL,
  body                 BLOB    NOT NULL                    -- wor.v1.Referral
);
CREATE INDEX referrals_by_practice ON referrals (practice_agb, sequence);
CREATE INDEX referrals_by_organisation ON referrals (welfare_organisation, sequence);
CREATE INDEX referrals_by_state ON referrals (state, sequence);

CREATE TABLE idempotency_records (
  request_id     TEXT PRIMARY KEY,
  method         TEXT NOT NULL,
  request_digest BLOB NOT NULL,
  result         BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE feedback (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  referral_id TEXT NOT NULL,
  feedback_id TEXT NOT NULL,
  body        BLOB NOT NULL,                                -- wor.v1.Feedback
  UNIQUE (referral_id, feedback_id)
);

-- The transactional outbox: written in the same transaction as the change.
CREATE TABLE referral_events (
  sequence             INTEGER PRIMARY KEY AUTOINCREMENT,
  practice_agb         TEXT NOT NULL,
  welfare_organisation TEXT NOT NULL,
  body                 BLOB NOT NULL                        -- wor.v1.ReferralEvent
);
