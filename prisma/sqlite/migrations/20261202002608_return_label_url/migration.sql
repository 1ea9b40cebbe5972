-- DropIndex
DROP INDEX "ReturnLabel_returnId_idx";

-- AlterTable
ALTER TABLE "ReturnLabel" ADD COLUMN "labelUrl" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ReturnLabel_returnId_trackingNumber_key" ON "ReturnLabel"("returnId", "trackingNumber");
