-- CreateEnum
CREATE TYPE "EmailAttemptOutcome" AS ENUM ('SENT', 'RETRY', 'FAILED');

-- CreateTable
CREATE TABLE "EmailAttempt" (
    "id" UUID NOT NULL,
    "emailId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "EmailAttemptOutcome" NOT NULL,
    "detail" TEXT NOT NULL,
    "retryAt" TIMESTAMP(3),

    CONSTRAINT "EmailAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailAttempt_emailId_number_key" ON "EmailAttempt"("emailId", "number");

-- AddForeignKey
ALTER TABLE "EmailAttempt" ADD CONSTRAINT "EmailAttempt_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "EmailMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
