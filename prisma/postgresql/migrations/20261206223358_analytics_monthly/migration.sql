-- CreateTable
CREATE TABLE "AnalyticsMonthly" (
    "shopDomain" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "dimension" TEXT NOT NULL DEFAULT '',
    "value" BIGINT NOT NULL,

    CONSTRAINT "AnalyticsMonthly_pkey" PRIMARY KEY ("shopDomain","month","metric","dimension")
);

-- Fill the monthly sums from the days already rolled up, so no dashboard reads empty months after the upgrade.
INSERT INTO "AnalyticsMonthly" ("shopDomain", "month", "metric", "dimension", "value")
SELECT "shopDomain", substr("day", 1, 7), "metric", "dimension", SUM("value")
  FROM "AnalyticsDaily"
 GROUP BY "shopDomain", substr("day", 1, 7), "metric", "dimension";
