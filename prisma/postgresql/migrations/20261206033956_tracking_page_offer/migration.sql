-- CreateTable
CREATE TABLE "TrackingPageOffer" (
    "shopDomain" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "startsOn" TEXT,
    "endsOn" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingPageOffer_pkey" PRIMARY KEY ("shopDomain")
);
