-- CreateTable
CREATE TABLE "OutboxEvent" (
    "sequence" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "aggregate" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayedAt" DATETIME
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
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,

    PRIMARY KEY ("subscriber", "eventId"),
    CONSTRAINT "OutboxReceipt_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "OutboxEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
