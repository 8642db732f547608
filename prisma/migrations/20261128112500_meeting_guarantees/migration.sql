-- Roadshow meetings (issue 5): the booking guarantees live in the database.
--
-- Which meetings hold time: REQUESTED and CONFIRMED. A pending request holds its slot, the
-- guest's time and its table until it is answered or expires (requestExpiresAt), so "slot just
-- taken" is decided at request time by one INSERT. A lapsed request is turned EXPIRED by the
-- sweep (expireStaleMeetingRequests) or, lazily, by the next booking of the same slot.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "MeetingRole" AS ENUM ('HOST', 'GUEST');

-- Counter-proposal of another slot (by either side) and who cancelled.
ALTER TABLE "Meeting" ADD COLUMN "proposedStartsAt" TIMESTAMPTZ(3);
ALTER TABLE "Meeting" ADD COLUMN "proposedEndsAt" TIMESTAMPTZ(3);
ALTER TABLE "Meeting" ADD COLUMN "proposedById" UUID;
ALTER TABLE "Meeting" ADD COLUMN "cancelledById" UUID;
ALTER TABLE "Meeting" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);

ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_not_with_yourself" CHECK ("hostId" <> "guestId");
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_proposal_complete" CHECK (
  ("proposedStartsAt" IS NULL AND "proposedEndsAt" IS NULL AND "proposedById" IS NULL)
  OR ("proposedStartsAt" IS NOT NULL AND "proposedEndsAt" > "proposedStartsAt" AND "proposedById" IS NOT NULL)
);

-- A host's slot holds at most one live meeting (confirmed, or a pending request).
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_host_slot_excl"
  EXCLUDE USING gist ("hostId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('REQUESTED', 'CONFIRMED'));

-- A meeting point (table) is never double-booked.
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_point_excl"
  EXCLUDE USING gist ("meetingPointId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('REQUESTED', 'CONFIRMED') AND "meetingPointId" IS NOT NULL);

-- Both people of every meeting, one row each, kept by a trigger on "Meeting" in the same
-- statement: a person is never in two overlapping live meetings, whether host or guest.
CREATE TABLE "MeetingParticipant" (
    "meetingId" UUID NOT NULL,
    "role" "MeetingRole" NOT NULL,
    "userId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("meetingId","role"),
    CONSTRAINT "MeetingParticipant_time_order" CHECK ("endsAt" > "startsAt"),
    CONSTRAINT "MeetingParticipant_no_overlap"
      EXCLUDE USING gist ("userId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&) WHERE ("active")
);
CREATE INDEX "MeetingParticipant_userId_startsAt_idx" ON "MeetingParticipant"("userId", "startsAt");
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "meeting_sync_participants"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  live BOOLEAN := NEW."status" IN ('REQUESTED', 'CONFIRMED');
BEGIN
  INSERT INTO "MeetingParticipant" ("meetingId", "role", "userId", "startsAt", "endsAt", "active")
  VALUES (NEW."id", 'HOST', NEW."hostId", NEW."startsAt", NEW."endsAt", live),
         (NEW."id", 'GUEST', NEW."guestId", NEW."startsAt", NEW."endsAt", live)
  ON CONFLICT ("meetingId", "role") DO UPDATE
    SET "userId" = EXCLUDED."userId", "startsAt" = EXCLUDED."startsAt", "endsAt" = EXCLUDED."endsAt", "active" = EXCLUDED."active";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Meeting_sync_participants"
  AFTER INSERT OR UPDATE OF "hostId", "guestId", "startsAt", "endsAt", "status" ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "meeting_sync_participants"();

-- Participants an organiser allowed to host meetings at an event (investors always may).
CREATE TABLE "MeetingHostGrant" (
    "eventId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "grantedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingHostGrant_pkey" PRIMARY KEY ("eventId","userId")
);
ALTER TABLE "MeetingHostGrant" ADD CONSTRAINT "MeetingHostGrant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingHostGrant" ADD CONSTRAINT "MeetingHostGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who wrote an outcome (notes stay with the recording organisation).
ALTER TABLE "MeetingOutcome" ADD COLUMN "recordedById" UUID;

-- Sweep of lapsed requests.
CREATE INDEX "Meeting_status_requestExpiresAt_idx" ON "Meeting"("status", "requestExpiresAt");
CREATE INDEX "Meeting_stopId_startsAt_idx" ON "Meeting"("stopId", "startsAt");
