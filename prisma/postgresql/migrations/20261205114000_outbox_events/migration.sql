-- CreateTable
CREATE TABLE "OutboxEvent" (
    "sequence" SERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "aggregate" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "OutboxReceipt" (
    "subscriber" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'claimed',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxReceipt_pkey" PRIMARY KEY ("subscriber","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_relayedAt_sequence_idx" ON "OutboxEvent"("relayedAt", "sequence");

-- CreateIndex
CREATE INDEX "OutboxEvent_aggregate_aggregateId_sequence_idx" ON "OutboxEvent"("aggregate", "aggregateId", "sequence");

-- CreateIndex
CREATE INDEX "OutboxEvent_shopDomain_occurredAt_idx" ON "OutboxEvent"("shopDomain", "occurredAt");

-- CreateIndex
CREATE INDEX "OutboxReceipt_shopDomain_idx" ON "OutboxReceipt"("shopDomain");

-- AddForeignKey
ALTER TABLE "OutboxReceipt" ADD CONSTRAINT "OutboxReceipt_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
