-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "idempotencyHash" TEXT;
