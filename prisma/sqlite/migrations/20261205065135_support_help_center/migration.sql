-- CreateTable
CREATE TABLE "SupportArticle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'article',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "category" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL DEFAULT 'merchant',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SupportArticleFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopDomain" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SupportArticleFeedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "SupportArticle" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SupportArticle_shopDomain_locale_published_idx" ON "SupportArticle"("shopDomain", "locale", "published");

-- CreateIndex
CREATE UNIQUE INDEX "SupportArticle_shopDomain_locale_slug_key" ON "SupportArticle"("shopDomain", "locale", "slug");

-- CreateIndex
CREATE INDEX "SupportArticleFeedback_shopDomain_articleId_idx" ON "SupportArticleFeedback"("shopDomain", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "SupportArticleFeedback_articleId_voterKey_key" ON "SupportArticleFeedback"("articleId", "voterKey");
