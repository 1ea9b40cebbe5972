import { db } from "../../app/db.server";
import { databaseProvider, databaseUrl } from "../../app/platform/db/provider";

/**
 * After a seed, the planner's statistics, as PostgreSQL's autovacuum would gather them after a load
 * this size; this machine's server runs with it off. Without them the planner guessed at every
 * table (the 1M-order dashboard rebuild went from 10 to 80 days a minute once analyzed).
 */
export async function analyzeIfPostgres() {
  if (databaseProvider(databaseUrl()) === "postgresql") await db.$executeRawUnsafe("ANALYZE");
}
