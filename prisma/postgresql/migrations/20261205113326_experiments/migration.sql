-- CreateTable
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "touch" TEXT NOT NULL,
    "holdoutPercent" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stoppedAt" TIMESTAMP(3),

    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExperimentAssignment" (
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "customerShopifyId" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExperimentAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Experiment_shopDomain_touch_stoppedAt_idx" ON "Experiment"("shopDomain", "touch", "stoppedAt");

-- CreateIndex
CREATE INDEX "ExperimentAssignment_shopDomain_customerShopifyId_idx" ON "ExperimentAssignment"("shopDomain", "customerShopifyId");

-- CreateIndex
CREATE UNIQUE INDEX "ExperimentAssignment_experimentId_customerShopifyId_key" ON "ExperimentAssignment"("experimentId", "customerShopifyId");

-- AddForeignKey
ALTER TABLE "ExperimentAssignment" ADD CONSTRAINT "ExperimentAssignment_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
