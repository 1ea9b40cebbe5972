-- DropIndex
DROP INDEX "RecommendationPair_shopDomain_generation_productB_idx";
