-- Version 2: encryption at rest and the audit log.
--
-- Personal data is sealed per patient (server/store/personal_data_sealer.h):
-- `body` keeps the public part in clear, `sealed_personal` the personal part
-- as an AES-256-GCM box under the patient's data key (empty for a record
-- already marked erased, or one that holds no patient's data).
-- `patient_pseudonym` names the key; it is an HMAC, not personal data in
-- clear.

ALTER TABLE referrals ADD COLUMN patient_pseudonym TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN sealed_personal BLOB NOT NULL DEFAULT x'';
-- One patient's referrals (ReferralFilter.patient_pseudonym, e.g. erasure).
CREATE INDEX referrals_by_patient ON referrals (patient_pseudonym, sequence);

ALTER TABLE feedback ADD COLUMN patient_pseudonym TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback ADD COLUMN sealed_personal BLOB NOT NULL DEFAULT x'';

ALTER TABLE referral_events ADD COLUMN patient_pseudonym TEXT NOT NULL DEFAULT '';
ALTER TABLE referral_events ADD COLUMN sealed_personal BLOB NOT NULL DEFAULT x'';

-- `result` is sealed whole when `patient_pseudonym` is set.
ALTER TABLE idempotency_records ADD COLUMN patient_pseudonym TEXT NOT NULL DEFAULT '';

-- The access log (NEN 7513), hash-chained (server/store/audit_chain.h).
-- `record` is the deterministic serialization the hash covers; the other
-- columns are copies for filtering. Append-only: the triggers below refuse
-- every change but an insert of the next sequence number.
CREATE TABLE audit_log (
  sequence      INTEGER PRIMARY KEY,  -- 1, 2, 3, … without gaps
  event_time    INTEGER NOT NULL,     -- nanoseconds since the Unix epoch
  user          TEXT    NOT NULL,
  record        BLOB    NOT NULL,     -- wor.v1.AuditRecord, hashes empty
  previous_hash TEXT    NOT NULL,     -- lowercase hex SHA-256
  hash          TEXT    NOT NULL
);
CREATE INDEX audit_log_by_user ON audit_log (user, sequence);
CREATE INDEX audit_log_by_time ON audit_log (event_time);

-- Which patients each record is about (a record may name several).
CREATE TABLE audit_record_patients (
  pseudonym TEXT    NOT NULL,
  sequence  INTEGER NOT NULL REFERENCES audit_log (sequence),
  PRIMARY KEY (pseudonym, sequence)
) WITHOUT ROWID;

CREATE TRIGGER audit_log_appends_in_order BEFORE INSERT ON audit_log
WHEN NEW.sequence IS NOT (SELECT COALESCE(MAX(sequence), 0) + 1 FROM audit_log)
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: records are added in sequence');
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: records cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: records cannot be removed');
END;
CREATE TRIGGER audit_record_patients_no_update BEFORE UPDATE ON audit_record_patients
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: records cannot be changed');
END;
CREATE TRIGGER audit_record_patients_no_delete BEFORE DELETE ON audit_record_patients
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: records cannot be removed');
END;
