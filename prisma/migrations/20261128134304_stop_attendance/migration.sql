-- Which roadshow stops each participant attends: the auto-scheduler used every confirmed registrant
-- at every stop, so it could pair a city with an investor at a stop the city never goes to (issue 5).
-- CreateTable
CREATE TABLE "StopAttendance" (
    "stopId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StopAttendance_pkey" PRIMARY KEY ("stopId","userId")
);

-- CreateIndex
CREATE INDEX "StopAttendance_userId_idx" ON "StopAttendance"("userId");

-- AddForeignKey
ALTER TABLE "StopAttendance" ADD CONSTRAINT "StopAttendance_stopId_fkey" FOREIGN KEY ("stopId") REFERENCES "RoadshowStop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StopAttendance" ADD CONSTRAINT "StopAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Booking implies attending: people with a live request or meeting at a stop attend it.
INSERT INTO "StopAttendance" ("stopId", "userId")
SELECT DISTINCT "stopId", "guestId" FROM "Meeting"
WHERE "stopId" IS NOT NULL AND "status" IN ('REQUESTED', 'CONFIRMED')
ON CONFLICT DO NOTHING;
