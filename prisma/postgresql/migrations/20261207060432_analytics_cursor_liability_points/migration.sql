-- AlterTable
ALTER TABLE "AnalyticsCursor" ADD COLUMN     "liabilityPoints" INTEGER NOT NULL DEFAULT 0;
