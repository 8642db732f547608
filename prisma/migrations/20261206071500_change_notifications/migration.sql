-- Change notifications for the caches of rendered pages and calendar feeds (README "Speed"):
-- every committed change of a row that a public page or a calendar feed shows sends
-- NOTIFY scale_changes '<scope>:<id>' — scopes: event (an event and what hangs off it), user (a
-- person's own registrations, picks, meetings, feed links), session (a session's speakers), person
-- (a name or erasure that other people's pages and feeds show). Triggers rather than a publish
-- call in each write path: no writer (Prisma, raw SQL, the SQL functions, another node, the seed)
-- can forget one. NOTIFY is transactional: sent at commit, never for a rollback, duplicates within
-- one transaction folded into one. Each node LISTENs (app/platform/changes.server.ts).
CREATE OR REPLACE FUNCTION "scale_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  spec text;
  rec jsonb;
  id text;
BEGIN
  FOREACH rec IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)] ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END) LOOP
    FOREACH spec IN ARRAY TG_ARGV LOOP
      id := rec ->> split_part(spec, ':', 2);
      IF id IS NOT NULL THEN
        PERFORM pg_notify('scale_changes', split_part(spec, ':', 1) || ':' || id);
      END IF;
    END LOOP;
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Event"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:id');
CREATE TRIGGER "EventOrganiser_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "EventOrganiser"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "RoadshowStop_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "RoadshowStop"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "TicketType_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "TicketType"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "Track_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Track"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "Room_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Room"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "Speaker_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Speaker"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "AgendaSession_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "AgendaSession"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "SessionSpeaker_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "SessionSpeaker"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('session:sessionId');
CREATE TRIGGER "MeetingAvailability_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "MeetingAvailability"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "MeetingPoint_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "MeetingPoint"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId');
CREATE TRIGGER "Registration_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Registration"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId', 'user:userId');
CREATE TRIGGER "Meeting_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('event:eventId', 'user:hostId', 'user:guestId');
CREATE TRIGGER "AgendaPick_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "AgendaPick"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('user:userId');
CREATE TRIGGER "AgendaPickRemoval_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "AgendaPickRemoval"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('user:userId');
CREATE TRIGGER "CalendarFeedToken_notify_change" AFTER INSERT OR UPDATE OF "revokedAt" OR DELETE ON "CalendarFeedToken"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('user:userId');
-- What event pages show of people and organisations: organisers' names and job titles, the
-- organising organisation. A column newly shown on a public page joins these lists.
CREATE TRIGGER "User_notify_change" AFTER UPDATE OF "name", "jobTitle", "deletedAt" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."jobTitle" IS DISTINCT FROM NEW."jobTitle" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION "scale_notify_change"('person:id');
CREATE TRIGGER "Organisation_notify_change" AFTER INSERT OR UPDATE OR DELETE ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('person:id');
-- Any change of a person's own row (time zone, settings) can change their own feed.
CREATE TRIGGER "User_notify_own_change" AFTER UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "scale_notify_change"('user:id');
