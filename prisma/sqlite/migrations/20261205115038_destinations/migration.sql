-- CreateTable
CREATE TABLE "DestinationEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "eventTypes" TEXT NOT NULL,
    "sealedSecret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "failingSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DestinationDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "destinationId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "responseStatus" INTEGER,
    "responseBody" TEXT,
    "error" TEXT,
    "isTest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME,
    CONSTRAINT "DestinationDelivery_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "DestinationEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DestinationEndpoint_shopDomain_kind_idx" ON "DestinationEndpoint"("shopDomain", "kind");

-- CreateIndex
CREATE INDEX "DestinationDelivery_shopDomain_createdAt_idx" ON "DestinationDelivery"("shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "DestinationDelivery_destinationId_createdAt_idx" ON "DestinationDelivery"("destinationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DestinationDelivery_eventId_destinationId_key" ON "DestinationDelivery"("eventId", "destinationId");
