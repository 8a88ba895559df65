-- Version 4: the escalation scanner's index. Each referral carries the
-- instant its deadlines next need the scanner (Referral
-- .next_deadline_alarm_time, microseconds since the Unix epoch, UTC); the
-- partial index holds only referrals that have one, so a scan reads the due
-- entries and nothing else. Referrals stored before this version get their
-- alarm on their next change.
ALTER TABLE referrals ADD COLUMN deadline_alarm_time INTEGER;
CREATE INDEX referrals_by_deadline_alarm ON referrals (deadline_alarm_time)
  WHERE deadline_alarm_time IS NOT NULL;
