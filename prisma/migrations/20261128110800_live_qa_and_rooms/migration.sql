-- Live Q&A and matchmaking rooms (issue 6).

-- Q&A change cursor: every write to a question takes Question.changeSeq = nextval(...), under a
-- per-session advisory lock, so within a session commit order equals cursor order.
CREATE SEQUENCE "question_change_seq";

-- At most one highlighted question per session.
CREATE UNIQUE INDEX "Question_one_highlight_per_session" ON "Question"("sessionId") WHERE "highlighted";

-- Bodies are plain text of 1–500 characters (the domain checks first; this is the backstop).
ALTER TABLE "Question" ADD CONSTRAINT "Question_body_length" CHECK (char_length("body") BETWEEN 1 AND 500);
ALTER TABLE "Question" ADD CONSTRAINT "Question_votes_nonnegative" CHECK ("votes" >= 0);

-- Room messages: chat, "let's meet" contacts, system announcements.
CREATE TYPE "RoomMessageKind" AS ENUM ('CHAT', 'CONTACT', 'SYSTEM');
ALTER TABLE "RoomMessage" ADD COLUMN "kind" "RoomMessageKind" NOT NULL DEFAULT 'CHAT';
ALTER TABLE "RoomMessage" ADD COLUMN "recipientId" UUID;
ALTER TABLE "RoomMessage" ADD CONSTRAINT "RoomMessage_body_length" CHECK (char_length("body") BETWEEN 1 AND 1000);

-- Speed networking.
CREATE TABLE "NetworkingRound" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "roomId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "startedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkingRound_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "NetworkingRound_times" CHECK ("endsAt" > "startsAt" AND "minutes" BETWEEN 1 AND 60)
);

CREATE TABLE "NetworkingPair" (
    "roundId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "userAId" UUID NOT NULL,
    "userBId" UUID,
    "place" TEXT NOT NULL,

    CONSTRAINT "NetworkingPair_pkey" PRIMARY KEY ("roundId","position")
);

CREATE UNIQUE INDEX "NetworkingRound_roomId_number_key" ON "NetworkingRound"("roomId", "number");
CREATE INDEX "NetworkingPair_userAId_idx" ON "NetworkingPair"("userAId");
CREATE INDEX "NetworkingPair_userBId_idx" ON "NetworkingPair"("userBId");

ALTER TABLE "NetworkingRound" ADD CONSTRAINT "NetworkingRound_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "MatchRoom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NetworkingPair" ADD CONSTRAINT "NetworkingPair_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NetworkingRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
