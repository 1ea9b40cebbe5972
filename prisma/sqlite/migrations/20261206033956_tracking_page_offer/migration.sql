-- CreateTable
CREATE TABLE "TrackingPageOffer" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "updatedAt" DATETIME NOT NULL
);
