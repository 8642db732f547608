-- AlterTable
ALTER TABLE "AgendaSession" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "defaultLanguage" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- The shipped interface languages (app/domain/kernel/i18n/languages.ts), enforced where the rows live.
ALTER TABLE "User" ADD CONSTRAINT "User_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'fr', 'de', 'es', 'it', 'pt', 'pl'));
ALTER TABLE "Event" ADD CONSTRAINT "Event_defaultLanguage_check" CHECK ("defaultLanguage" IN ('en', 'fr', 'de', 'es', 'it', 'pt', 'pl'));
ALTER TABLE "Event" ADD CONSTRAINT "Event_translations_object_check" CHECK (jsonb_typeof("translations") = 'object');
ALTER TABLE "AgendaSession" ADD CONSTRAINT "AgendaSession_translations_object_check" CHECK (jsonb_typeof("translations") = 'object');
