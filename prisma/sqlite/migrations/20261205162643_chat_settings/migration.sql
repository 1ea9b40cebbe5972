-- CreateTable
CREATE TABLE "SupportChatSettings" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "businessHours" TEXT NOT NULL,
    "storefrontOrigins" TEXT NOT NULL DEFAULT '',
    "agentSeenAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
