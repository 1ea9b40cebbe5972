-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AnalyticsCursor" (
    "shopDomain" TEXT NOT NULL PRIMARY KEY,
    "capturedUntil" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "rebuiltAt" DATETIME,
    "liabilityPoints" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_AnalyticsCursor" ("capturedUntil", "rebuiltAt", "shopDomain", "timeZone", "updatedAt") SELECT "capturedUntil", "rebuiltAt", "shopDomain", "timeZone", "updatedAt" FROM "AnalyticsCursor";
DROP TABLE "AnalyticsCursor";
ALTER TABLE "new_AnalyticsCursor" RENAME TO "AnalyticsCursor";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
