-- Emails drawn when they are first sent (notifications/drafts.ts): a registration's
-- confirmation is queued as { kind, id } in the registering statement and drawn by the mail
-- worker, so the person registering does not wait for its templates, calendar invitation and
-- QR code.
ALTER TABLE "OutboxEmail" ADD COLUMN "draft" JSONB;
