-- AlterTable
ALTER TABLE "Register" ADD COLUMN     "terminalReaderId" TEXT;
