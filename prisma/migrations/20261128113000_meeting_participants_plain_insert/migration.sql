-- The participants trigger without INSERT … ON CONFLICT: a speculative insertion checks the
-- non-arbiter exclusion constraint in "livelock-preventing" mode, and two bookings racing for
-- overlapping time could then wait on each other without PostgreSQL's deadlock detector ever
-- breaking the tie. A plain INSERT (new meeting) or UPDATE (changed meeting) waits normally,
-- so a cycle is detected within deadlock_timeout and one side fails (and is retried).
CREATE OR REPLACE FUNCTION "meeting_sync_participants"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  live BOOLEAN := NEW."status" IN ('REQUESTED', 'CONFIRMED');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "MeetingParticipant" ("meetingId", "role", "userId", "startsAt", "endsAt", "active")
    VALUES (NEW."id", 'HOST', NEW."hostId", NEW."startsAt", NEW."endsAt", live),
           (NEW."id", 'GUEST', NEW."guestId", NEW."startsAt", NEW."endsAt", live);
  ELSE
    UPDATE "MeetingParticipant"
       SET "userId" = CASE "role" WHEN 'HOST' THEN NEW."hostId" ELSE NEW."guestId" END,
           "startsAt" = NEW."startsAt", "endsAt" = NEW."endsAt", "active" = live
     WHERE "meetingId" = NEW."id";
  END IF;
  RETURN NULL;
END;
$$;
