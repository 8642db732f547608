-- CreateEnum
CREATE TYPE "ApiAccess" AS ENUM ('READ', 'READ_WRITE');

-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "access" "ApiAccess" NOT NULL DEFAULT 'READ',
    "eventId" UUID,
    "organisationId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiIdempotencyKey" (
    "tokenId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotencyKey_pkey" PRIMARY KEY ("tokenId","key")
);

-- CreateTable
CREATE TABLE "IntegrationEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fannedOutAt" TIMESTAMPTZ(3),

    CONSTRAINT "IntegrationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "types" TEXT[],
    "eventId" UUID,
    "organisationId" UUID,
    "createdById" UUID,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "endpointId" UUID NOT NULL,
    "integrationEventId" BIGINT,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "deliveryId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "responseCode" INTEGER,
    "durationMs" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "response" TEXT NOT NULL,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_eventId_idx" ON "ApiToken"("eventId");

-- CreateIndex
CREATE INDEX "ApiToken_organisationId_idx" ON "ApiToken"("organisationId");

-- CreateIndex
CREATE INDEX "ApiIdempotencyKey_createdAt_idx" ON "ApiIdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "IntegrationEvent_fannedOutAt_id_idx" ON "IntegrationEvent"("fannedOutAt", "id");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_eventId_idx" ON "WebhookEndpoint"("eventId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_organisationId_idx" ON "WebhookEndpoint"("organisationId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_lastAttemptAt_idx" ON "WebhookDelivery"("status", "lastAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_at_idx" ON "WebhookAttempt"("deliveryId", "at");

-- AddForeignKey
ALTER TABLE "ApiIdempotencyKey" ADD CONSTRAINT "ApiIdempotencyKey_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_integrationEventId_fkey" FOREIGN KEY ("integrationEventId") REFERENCES "IntegrationEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── by hand: what Prisma cannot express ───

-- Foreign keys kept out of the Prisma schema (so Event, Organisation and User stay untouched);
-- listed in prisma/tools/sql-only-foreign-keys.txt.
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IntegrationEvent" ADD CONSTRAINT "IntegrationEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one scope: an event or an organisation.
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_one_scope" CHECK (("eventId" IS NULL) <> ("organisationId" IS NULL));
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_one_scope" CHECK (("eventId" IS NULL) <> ("organisationId" IS NULL));
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_https" CHECK ("url" ~ '^https?://');

-- The integration outbox: every change a webhook reports is written by the same statement
-- (hence the same transaction) as the change, whichever capability made it, so a committed
-- change always has its event, and no lower capability has to know integrations exist.
CREATE FUNCTION "integration_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Registration' THEN
    IF NEW."status" = 'CONFIRMED' AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM 'CONFIRMED') THEN
      INSERT INTO "IntegrationEvent" ("type", "eventId", "data") VALUES ('registration.confirmed', NEW."eventId",
        jsonb_build_object('registrationId', NEW."id", 'eventId', NEW."eventId", 'ticketTypeId', NEW."ticketTypeId", 'status', NEW."status"));
    ELSIF TG_OP = 'UPDATE' AND NEW."status" = 'CANCELLED' AND OLD."status" IS DISTINCT FROM 'CANCELLED' THEN
      INSERT INTO "IntegrationEvent" ("type", "eventId", "data") VALUES ('registration.cancelled', NEW."eventId",
        jsonb_build_object('registrationId', NEW."id", 'eventId', NEW."eventId", 'ticketTypeId', NEW."ticketTypeId", 'status', NEW."status"));
    END IF;
    IF TG_OP = 'UPDATE' AND NEW."checkedInAt" IS NOT NULL AND OLD."checkedInAt" IS NULL THEN
      INSERT INTO "IntegrationEvent" ("type", "eventId", "data") VALUES ('checkin.created', NEW."eventId",
        jsonb_build_object('registrationId', NEW."id", 'eventId', NEW."eventId", 'checkedInAt', NEW."checkedInAt"));
    END IF;
  ELSIF TG_TABLE_NAME = 'Meeting' THEN
    IF NEW."status" = 'CONFIRMED' AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM 'CONFIRMED') THEN
      INSERT INTO "IntegrationEvent" ("type", "eventId", "data") VALUES ('meeting.booked', NEW."eventId",
        jsonb_build_object('meetingId', NEW."id", 'eventId', NEW."eventId", 'stopId', NEW."stopId", 'startsAt', NEW."startsAt", 'endsAt', NEW."endsAt"));
    ELSIF TG_OP = 'UPDATE' AND NEW."status" = 'CANCELLED' AND OLD."status" = 'CONFIRMED' THEN
      INSERT INTO "IntegrationEvent" ("type", "eventId", "data") VALUES ('meeting.cancelled', NEW."eventId",
        jsonb_build_object('meetingId', NEW."id", 'eventId', NEW."eventId", 'stopId', NEW."stopId", 'startsAt', NEW."startsAt", 'endsAt', NEW."endsAt"));
    END IF;
  ELSIF TG_TABLE_NAME = 'AgendaSession' THEN
    IF TG_OP = 'UPDATE' AND (NEW."status" <> 'DRAFT' OR OLD."status" <> 'DRAFT')
       AND (NEW."title", NEW."startsAt", NEW."endsAt", NEW."status", NEW."roomId", NEW."trackId", NEW."format")
           IS DISTINCT FROM (OLD."title", OLD."startsAt", OLD."endsAt", OLD."status", OLD."roomId", OLD."trackId", OLD."format") THEN
      INSERT INTO "IntegrationEvent" ("type", "eventId", "data") VALUES ('session.changed', NEW."eventId",
        jsonb_build_object('sessionId', NEW."id", 'eventId', NEW."eventId", 'status', NEW."status", 'startsAt', NEW."startsAt", 'endsAt', NEW."endsAt"));
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Registration_integration_event" AFTER INSERT OR UPDATE OF "status", "checkedInAt" ON "Registration"
  FOR EACH ROW EXECUTE FUNCTION "integration_event"();
CREATE TRIGGER "Meeting_integration_event" AFTER INSERT OR UPDATE OF "status" ON "Meeting"
  FOR EACH ROW EXECUTE FUNCTION "integration_event"();
CREATE TRIGGER "AgendaSession_integration_event" AFTER UPDATE ON "AgendaSession"
  FOR EACH ROW EXECUTE FUNCTION "integration_event"();

-- The fan-out reads only what is left to fan out.
CREATE INDEX "IntegrationEvent_pending_idx" ON "IntegrationEvent" ("id") WHERE "fannedOutAt" IS NULL;
