-- CreateTable
CREATE TABLE "TrackingPageLayout" (
    "shopDomain" TEXT NOT NULL,
    "sections" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingPageLayout_pkey" PRIMARY KEY ("shopDomain")
);
