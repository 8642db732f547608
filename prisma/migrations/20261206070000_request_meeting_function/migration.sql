-- A meeting request in one round trip (README "Booking is one round trip"). The function runs
-- what requestMeeting's transaction did statement by statement — same advisory lock per stop,
-- same live-meeting rule, same table choice, the same INSERT guarded by the exclusion
-- constraints (which stay the guarantee: a violation raises out of the function and rolls the
-- whole call back), the guest's attendance and the host's optional notice with its unsubscribe
-- token — but on the server, so the lock is held for microseconds instead of a dozen round trips.
-- Each statement of a plpgsql function takes a fresh snapshot (READ COMMITTED), so the checks
-- after the lock see every booking committed before it.
-- Outcomes: 'booked' (meeting_id, meeting_point_id set), 'slot_taken' (the host is busy then),
-- 'guest_busy', 'table_full', and 'lapsed' when a lapsed request of either person overlaps the
-- slot: the caller then takes its ordinary transaction, which expires it and queues its notice.
CREATE OR REPLACE FUNCTION "request_meeting"(
  p_event uuid, p_stop uuid, p_host uuid, p_guest uuid,
  p_starts timestamptz, p_ends timestamptz, p_now timestamptz, p_expires timestamptz, p_message text,
  p_exclude uuid[],
  p_kind text, p_token_hash text, p_token_expires timestamptz,
  p_subject text, p_text text, p_headers jsonb
) RETURNS TABLE (outcome text, meeting_id uuid, meeting_point_id uuid)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  slot tstzrange := tstzrange(p_starts, p_ends, '[)');
  host_busy boolean;
  anyone_busy boolean;
  has_tables boolean;
  point uuid;
  created uuid;
BEGIN
  PERFORM set_config('lock_timeout', '15s', true);
  PERFORM pg_advisory_xact_lock(hashtext('meeting-bookings:' || p_stop::text));

  IF EXISTS (
    SELECT 1 FROM "Meeting" m
    WHERE m."status" = 'REQUESTED' AND m."requestExpiresAt" <= p_now
      AND (m."hostId" IN (p_host, p_guest) OR m."guestId" IN (p_host, p_guest))
      AND tstzrange(m."startsAt", m."endsAt", '[)') && slot
  ) THEN
    RETURN QUERY SELECT 'lapsed'::text, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;

  SELECT coalesce(bool_or(m."hostId" = p_host OR m."guestId" = p_host), false), count(*) > 0
    INTO host_busy, anyone_busy
    FROM "Meeting" m
   WHERE (m."hostId" IN (p_host, p_guest) OR m."guestId" IN (p_host, p_guest))
     AND m."startsAt" < p_ends AND m."endsAt" > p_starts
     AND (m."status" = 'CONFIRMED' OR (m."status" = 'REQUESTED' AND (m."requestExpiresAt" IS NULL OR m."requestExpiresAt" > p_now)));
  IF host_busy THEN
    RETURN QUERY SELECT 'slot_taken'::text, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;
  IF anyone_busy THEN
    RETURN QUERY SELECT 'guest_busy'::text, NULL::uuid, NULL::uuid;
    RETURN;
  END IF;

  SELECT EXISTS (SELECT 1 FROM "MeetingPoint" p WHERE p."eventId" = p_event AND p."stopId" = p_stop AND p."onlineUrl" IS NULL)
    INTO has_tables;
  IF has_tables THEN
    SELECT p."id" INTO point
      FROM "MeetingPoint" p
     WHERE p."eventId" = p_event AND p."stopId" = p_stop AND p."onlineUrl" IS NULL
       AND NOT (p."id" = ANY(coalesce(p_exclude, '{}'::uuid[])))
       AND NOT EXISTS (
         SELECT 1 FROM "Meeting" m
          WHERE m."meetingPointId" = p."id" AND m."status" IN ('REQUESTED', 'CONFIRMED')
            AND tstzrange(m."startsAt", m."endsAt", '[)') && slot)
     ORDER BY p."name"
     LIMIT 1;
    IF point IS NULL THEN
      RETURN QUERY SELECT 'table_full'::text, NULL::uuid, NULL::uuid;
      RETURN;
    END IF;
  END IF;

  INSERT INTO "Meeting" ("eventId", "stopId", "hostId", "guestId", "meetingPointId", "startsAt", "endsAt",
                         "status", "source", "message", "requestExpiresAt", "updatedAt")
  VALUES (p_event, p_stop, p_host, p_guest, point, p_starts, p_ends,
          'REQUESTED', 'REQUEST', p_message, p_expires, now())
  RETURNING "id" INTO created;

  INSERT INTO "StopAttendance" ("stopId", "userId") VALUES (p_stop, p_guest) ON CONFLICT DO NOTHING;

  -- The host's notice, unless they turned that kind off (or were erased meanwhile).
  IF p_subject IS NOT NULL THEN
    WITH recipient AS (
      SELECT u."email" FROM "User" u
       WHERE u."id" = p_host AND u."deletedAt" IS NULL AND NOT (p_kind = ANY(coalesce(u."emailOptOuts", '{}')))
    ), token AS (
      INSERT INTO "AccountToken" ("userId", "purpose", "tokenHash", "kind", "expiresAt")
      SELECT p_host, 'UNSUBSCRIBE'::"AccountTokenPurpose", p_token_hash, p_kind, p_token_expires FROM recipient
      RETURNING 1
    )
    INSERT INTO "OutboxEmail" ("toAddress", "subject", "textBody", "headers", "nextAttemptAt")
    SELECT r."email", p_subject, p_text, p_headers, now() FROM recipient r;
  END IF;

  RETURN QUERY SELECT 'booked'::text, created, point;
END;
$$;
