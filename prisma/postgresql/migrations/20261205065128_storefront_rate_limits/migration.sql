-- CreateTable
CREATE TABLE "StorefrontRateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "StorefrontRateLimit_pkey" PRIMARY KEY ("key")
);
