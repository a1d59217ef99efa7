-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('FAILED', 'SUCCEEDED', 'LOCKED_OUT');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "closesOn" DATE,
ADD COLUMN     "openingHours" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "opensOn" DATE,
ADD COLUMN     "pickupHours" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "pickupReadyMinutes" INTEGER;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Settings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "businessName" TEXT NOT NULL,
    "baseCurrency" TEXT NOT NULL DEFAULT 'GBP',
    "markets" JSONB NOT NULL DEFAULT '[]',
    "receiptHeader" TEXT NOT NULL DEFAULT '',
    "receiptFooter" TEXT NOT NULL DEFAULT '',
    "returnPolicy" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "audience" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ipAddress" TEXT NOT NULL,
    "outcome" "SignInOutcome" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInAttempt_audience_email_createdAt_idx" ON "SignInAttempt"("audience", "email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_ipAddress_createdAt_idx" ON "SignInAttempt"("ipAddress", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_locationId_createdAt_idx" ON "AuditEntry"("locationId", "createdAt");
