-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "logoId" UUID,
ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "PersonProfile" (
    "userId" UUID NOT NULL,
    "bio" TEXT,
    "country" CHAR(2),
    "city" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "themes" "Theme"[] DEFAULT ARRAY[]::"Theme"[],
    "intents" "Intent"[] DEFAULT ARRAY[]::"Intent"[],
    "expertise" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "organisationId" UUID,
    "organisationName" TEXT,
    "photoId" UUID,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "openToIntroductions" BOOLEAN NOT NULL DEFAULT false,
    "searchVector" tsvector,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "StoredImage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PersonProfile_photoId_key" ON "PersonProfile"("photoId");

-- CreateIndex
CREATE INDEX "PersonProfile_organisationId_idx" ON "PersonProfile"("organisationId");

-- CreateIndex
CREATE INDEX "PersonProfile_country_idx" ON "PersonProfile"("country");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_logoId_key" ON "Organisation"("logoId");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_logoId_fkey" FOREIGN KEY ("logoId") REFERENCES "StoredImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonProfile" ADD CONSTRAINT "PersonProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonProfile" ADD CONSTRAINT "PersonProfile_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonProfile" ADD CONSTRAINT "PersonProfile_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "StoredImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ───────────── hand-written: the directories' full-text search (app/domain/network) ─────────────
-- The 'simple' configuration: names, cities and solution names come in every EU language, so
-- words are lower-cased and matched by prefix, never stemmed as one language would.

CREATE FUNCTION "organisation_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('simple', coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW."city", '') || ' ' ||
      array_to_string(coalesce(NEW."solutionsOffered", '{}') || coalesce(NEW."solutionsWanted", '{}'), ' ')), 'B') ||
    setweight(to_tsvector('simple', coalesce(NEW."description", '')), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER "Organisation_search" BEFORE INSERT OR UPDATE OF "name", "city", "description", "solutionsOffered", "solutionsWanted"
  ON "Organisation" FOR EACH ROW EXECUTE FUNCTION "organisation_search_refresh"();
UPDATE "Organisation" SET "name" = "name";
CREATE INDEX "Organisation_searchVector_idx" ON "Organisation" USING GIN ("searchVector");

-- A person's document: name (A); job title, organisation and expertise (B); bio (C). The name and
-- job title live on "User" and the linked organisation's name on "Organisation": triggers there
-- refresh the profiles they feed.
CREATE FUNCTION "person_profile_search_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  person RECORD;
BEGIN
  SELECT "name", "jobTitle" INTO person FROM "User" WHERE "id" = NEW."userId";
  NEW."searchVector" :=
    setweight(to_tsvector('simple', coalesce(person."name", '')), 'A') ||
    setweight(to_tsvector('simple',
      coalesce(person."jobTitle", '') || ' ' ||
      coalesce((SELECT "name" FROM "Organisation" WHERE "id" = NEW."organisationId"), NEW."organisationName", '') || ' ' ||
      array_to_string(coalesce(NEW."expertise", '{}'), ' ')), 'B') ||
    setweight(to_tsvector('simple', coalesce(NEW."bio", '')), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER "PersonProfile_search" BEFORE INSERT OR UPDATE ON "PersonProfile"
  FOR EACH ROW EXECUTE FUNCTION "person_profile_search_refresh"();

CREATE FUNCTION "person_profile_search_from_user"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PersonProfile" SET "searchVector" = NULL WHERE "userId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "User_profile_search" AFTER UPDATE OF "name", "jobTitle" ON "User"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."jobTitle" IS DISTINCT FROM NEW."jobTitle")
  EXECUTE FUNCTION "person_profile_search_from_user"();

CREATE FUNCTION "person_profile_search_from_organisation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PersonProfile" SET "searchVector" = NULL WHERE "organisationId" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "Organisation_profile_search" AFTER UPDATE OF "name" ON "Organisation"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "person_profile_search_from_organisation"();

-- Only listed people are ever searched, so only their documents are indexed.
CREATE INDEX "PersonProfile_searchVector_listed_idx" ON "PersonProfile" USING GIN ("searchVector") WHERE "listed";
CREATE INDEX "PersonProfile_listed_idx" ON "PersonProfile" ("userId") WHERE "listed";

-- A profile links only an organisation, or names one freely, never both.
ALTER TABLE "PersonProfile" ADD CONSTRAINT "PersonProfile_one_organisation" CHECK ("organisationId" IS NULL OR "organisationName" IS NULL);
-- Images are capped by the pipeline (at most 1024 px a side, a few hundred KB); the table says so too.
ALTER TABLE "StoredImage" ADD CONSTRAINT "StoredImage_size" CHECK (octet_length("bytes") <= 2097152 AND "width" BETWEEN 1 AND 4096 AND "height" BETWEEN 1 AND 4096);
