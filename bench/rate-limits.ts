/**
 * `npx tsx bench/rate-limits.ts`: what one shopper-budget check costs in each store the app uses
 * (app/storefront/rate-limit.server.ts), next to its floor measured in the same run: one round
 * trip to the same PostgreSQL (`SELECT 1`) or Redis (`PING`). Needs the local PostgreSQL and Redis
 * (BENCH_PG_URL, BENCH_REDIS_URL override them); the table it uses is dropped afterwards.
 */
import { Redis } from "ioredis";
import pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { postgresConnectionFields } from "../app/platform/db/provider";

const ROUNDS = 2000;
const pgUrl = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const table = `bench_rate_limit_${process.pid}`;

async function perCall(label: string, call: (index: number) => Promise<unknown>) {
  for (let index = 0; index < 100; index++) await call(index);
  const started = performance.now();
  for (let index = 0; index < ROUNDS; index++) await call(index);
  const micros = ((performance.now() - started) * 1000) / ROUNDS;
  console.log(`| ${label} | ${micros.toFixed(0)} µs |`);
}

/** Budgets of many addresses, as a shop's storefront spends them, never exhausted here. */
const consume = (limiter: RateLimiterAbstract) => (index: number) =>
  limiter.consume(`bench.myshopify.com:198.51.100.${index % 250}`);

const pool = new pg.Pool({ ...postgresConnectionFields(pgUrl), max: 3 });
const redis = new Redis(redisUrl);
await pool.query(
  `CREATE TABLE "${table}" ("key" TEXT PRIMARY KEY, "points" INTEGER NOT NULL DEFAULT 0, "expire" BIGINT)`,
);
const options = { keyPrefix: `bench-${process.pid}`, points: 1_000_000, duration: 60 };
try {
  console.log(`# Shopper budget check, ${ROUNDS} sequential calls (${new Date().toISOString()})`);
  console.log("| what | per call |\n|---|---:|");
  await perCall("memory (SQLite, one process)", consume(new RateLimiterMemory(options)));
  await perCall("floor: PostgreSQL round trip (SELECT 1)", () => pool.query("SELECT 1"));
  await perCall(
    "PostgreSQL (RateLimiterPostgres upsert)",
    consume(
      new RateLimiterPostgres({
        ...options,
        storeClient: pool,
        storeType: "pool",
        tableName: table,
        tableCreated: true,
        clearExpiredByTimeout: false,
      }),
    ),
  );
  await perCall("floor: Redis round trip (PING)", () => redis.ping());
  await perCall(
    "Redis (RateLimiterRedis)",
    consume(new RateLimiterRedis({ ...options, storeClient: redis })),
  );
} finally {
  await pool.query(`DROP TABLE IF EXISTS "${table}"`);
  await pool.end();
  redis.disconnect();
}
