-- CreateEnum
CREATE TYPE "OfflineSaleStatus" AS ENUM ('ACCEPTED', 'ACCEPTED_WITH_DIFFERENCES', 'REJECTED');

-- CreateEnum
CREATE TYPE "OfflineSaleDifferenceKind" AS ENUM ('UNIT_PRICE', 'DISCOUNT', 'TAX', 'LINE_TOTAL', 'UNPRICED_LINE', 'SALE_TOTAL');

-- AlterTable
ALTER TABLE "Settings" ADD COLUMN     "offlineTenders" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "OfflineSale" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "registerId" TEXT,
    "staffId" TEXT,
    "deviceId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "syncedBy" TEXT NOT NULL,
    "status" "OfflineSaleStatus" NOT NULL,
    "reason" TEXT,
    "orderId" TEXT,
    "currency" TEXT NOT NULL,
    "deviceTotalMinor" INTEGER NOT NULL,
    "serverTotalMinor" INTEGER,
    "payload" JSONB NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,

    CONSTRAINT "OfflineSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfflineSaleDifference" (
    "id" TEXT NOT NULL,
    "saleId" TEXT NOT NULL,
    "lineIndex" INTEGER,
    "variantId" TEXT,
    "sku" TEXT,
    "kind" "OfflineSaleDifferenceKind" NOT NULL,
    "deviceMinor" INTEGER NOT NULL,
    "serverMinor" INTEGER NOT NULL,

    CONSTRAINT "OfflineSaleDifference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OfflineSale_orderId_key" ON "OfflineSale"("orderId");

-- CreateIndex
CREATE INDEX "OfflineSale_locationId_receivedAt_idx" ON "OfflineSale"("locationId", "receivedAt");

-- CreateIndex
CREATE INDEX "OfflineSale_registerId_occurredAt_idx" ON "OfflineSale"("registerId", "occurredAt");

-- CreateIndex
CREATE INDEX "OfflineSale_deviceId_sequence_idx" ON "OfflineSale"("deviceId", "sequence");

-- CreateIndex
CREATE INDEX "OfflineSaleDifference_saleId_idx" ON "OfflineSaleDifference"("saleId");

-- AddForeignKey
ALTER TABLE "OfflineSale" ADD CONSTRAINT "OfflineSale_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfflineSale" ADD CONSTRAINT "OfflineSale_registerId_fkey" FOREIGN KEY ("registerId") REFERENCES "Register"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfflineSale" ADD CONSTRAINT "OfflineSale_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfflineSale" ADD CONSTRAINT "OfflineSale_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfflineSaleDifference" ADD CONSTRAINT "OfflineSaleDifference_saleId_fkey" FOREIGN KEY ("saleId") REFERENCES "OfflineSale"("id") ON DELETE CASCADE ON UPDATE CASCADE;
