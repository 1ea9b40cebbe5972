-- CreateTable
CREATE TABLE "SupportChatSettings" (
    "shopDomain" TEXT NOT NULL,
    "businessHours" TEXT NOT NULL,
    "storefrontOrigins" TEXT NOT NULL DEFAULT '',
    "agentSeenAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportChatSettings_pkey" PRIMARY KEY ("shopDomain")
);
