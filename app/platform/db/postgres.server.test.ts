import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { waitFor } from "../../../tests/support/wait";
import { db } from "../../db.server";
import { databaseProvider, databaseUrl, postgresConnectionFields } from "./provider";
import { POOL_SIZE } from "./postgres.server";

/**
 * Found by `npm run bench` (chat, 200 conversations on PostgreSQL): with every connection of the
 * pool busy for longer than Prisma's default wait to start a transaction (maxWait, 2 s: Prisma's
 * "Transactions and batch queries" docs, and @prisma/client 6.19's runtime, whose batch
 * transactions take the client's transactionOptions), a batch transaction failed with P2028
 * "Unable to start a transaction in the given time" where a plain query waited its turn.
 */
describe.skipIf(databaseProvider(databaseUrl()) !== "postgresql")("the PostgreSQL pool", () => {
  it("lets a transaction wait its turn while every connection is busy past Prisma's 2 s", async () => {
    const marker = `busy-pool-${randomUUID()}`;
    // Prisma's queries start when awaited: Promise.all starts them all now.
    const busy = Promise.all(
      Array.from({ length: POOL_SIZE }, () =>
        db.$queryRawUnsafe(`SELECT pg_sleep(4)::text AS slept /* ${marker} */`),
      ),
    );
    const watcher = new pg.Client(postgresConnectionFields(databaseUrl()));
    await watcher.connect();
    try {
      await waitFor(
        async () => {
          const { rows } = await watcher.query(
            "SELECT count(*)::int AS sleeping FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1",
            [`%${marker}%`],
          );
          return rows[0].sleeping === POOL_SIZE;
        },
        { message: "every pooled connection asleep" },
      );
    } finally {
      await watcher.end();
    }
    const domain = `${marker}.myshopify.com`;
    const written = db.$transaction([
      db.shop.create({ data: { domain } }),
      db.shop.update({ where: { domain }, data: { name: "Busy pool" } }),
    ]);
    await expect(written).resolves.toHaveLength(2);
    await busy;
    await db.shop.delete({ where: { domain } });
  });
});
