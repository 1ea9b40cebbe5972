-- CreateTable
CREATE TABLE "TrackingPageLayout" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "sections" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
