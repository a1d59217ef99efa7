-- AlterTable
ALTER TABLE "Register" ADD COLUMN     "printerAddress" TEXT;

-- AlterTable
ALTER TABLE "Cart" ADD COLUMN     "manualDiscount" JSONB;

-- AlterTable
ALTER TABLE "CartLine" ADD COLUMN     "manualDiscount" JSONB,
ADD COLUMN     "priceOverride" JSONB;
