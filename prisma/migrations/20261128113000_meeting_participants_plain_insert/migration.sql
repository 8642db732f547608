-- Simplifies the participants trigger: the trigger knows whether the meeting is new (insert its
-- two participant rows) or changed (update them), so INSERT … ON CONFLICT is not needed. Conflicting
-- bookings still fail on the exclusion constraint as ordinary errors (mapped to SLOT_TAKEN).
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
