-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "claimOutcome" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'return',
ADD COLUMN     "replacementOrderName" TEXT,
ADD COLUMN     "replacementOrderShopifyId" TEXT;
