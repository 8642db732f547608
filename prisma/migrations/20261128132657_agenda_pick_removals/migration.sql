-- Sessions taken off someone's agenda are remembered (with how many times), so the personal
-- calendar feed shows them as cancelled for the retention window and SEQUENCE keeps rising
-- across removals and re-adds.
-- CreateTable
CREATE TABLE "AgendaPickRemoval" (
    "userId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "removals" INTEGER NOT NULL DEFAULT 1,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AgendaPickRemoval_pkey" PRIMARY KEY ("userId","sessionId")
);

-- CreateIndex
CREATE INDEX "AgendaPickRemoval_sessionId_idx" ON "AgendaPickRemoval"("sessionId");

-- AddForeignKey
ALTER TABLE "AgendaPickRemoval" ADD CONSTRAINT "AgendaPickRemoval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaPickRemoval" ADD CONSTRAINT "AgendaPickRemoval_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "AgendaSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "AgendaPickRemoval" ADD CONSTRAINT "AgendaPickRemoval_removals_positive" CHECK ("removals" >= 1);
