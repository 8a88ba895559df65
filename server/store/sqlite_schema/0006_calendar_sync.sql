-- Version 6: the calendar sync worker's own state (server/calendar/
-- calendar_sync.h, server/store/calendar_sync_ledger.h): how far it has
-- followed the outbox, and which entries it has put in which coach's CalDAV
-- calendar. No personal data: coach names, entry uids (built from referral
-- ids), the CalDAV server's etags and a digest of each entry's content.
CREATE TABLE calendar_sync_cursor (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  sequence INTEGER NOT NULL
);
CREATE TABLE calendar_sync_entries (
  coach          TEXT NOT NULL,
  uid            TEXT NOT NULL,
  referral_id    TEXT NOT NULL,
  etag           TEXT NOT NULL,
  content_digest TEXT NOT NULL,
  PRIMARY KEY (coach, uid)
) WITHOUT ROWID;
CREATE INDEX calendar_sync_entries_by_referral
  ON calendar_sync_entries (referral_id);
