import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, sql } from "../../db.server";
import { databaseProvider, databaseUrl } from "./provider";

// The raw SQL path the current DATABASE_URL selects: libsql on SQLite, pg on PostgreSQL.
describe("the raw SQL executor", () => {
  it("counts the rows a statement changed, without returning them", async () => {
    const queue = `test.sql-${randomUUID().slice(0, 8)}`;
    await db.job.createMany({ data: [1, 2, 3].map(() => ({ queue, data: "{}" })) });
    expect(
      await sql.execute(`UPDATE "Job" SET "priority" = 1 WHERE "queue" = ? AND "priority" = 0`, [
        queue,
      ]),
    ).toBe(3);
    expect(
      await sql.execute(`DELETE FROM "Job" WHERE "queue" = ? AND "priority" = 0`, [queue]),
    ).toBe(0);
    expect(await sql.execute(`DELETE FROM "Job" WHERE "queue" = ?`, [queue])).toBe(3);
    expect(await db.job.count({ where: { queue } })).toBe(0);
  });

  it("writes an unflushed statement like any other, and leaves the connection flushing after it", async () => {
    const queue = `test.sql-${randomUUID().slice(0, 8)}`;
    await db.job.createMany({ data: [1, 2].map(() => ({ queue, data: "{}" })) });
    expect(
      await sql.executeUnflushed(`UPDATE "Job" SET "priority" = 2 WHERE "queue" = ?`, [queue]),
    ).toBe(2);
    expect(await db.job.count({ where: { queue, priority: 2 } })).toBe(2);
    await expect(sql.executeUnflushed(`UPDATE "NoSuchTable" SET "x" = 1`, [])).rejects.toThrow();
    if (databaseProvider(databaseUrl()) === "sqlite") {
      const [setting] = await sql.query<{ synchronous: number }>("PRAGMA synchronous", []);
      expect(Number(setting?.synchronous)).toBe(2); // FULL
    }
    await sql.execute(`DELETE FROM "Job" WHERE "queue" = ?`, [queue]);
  });
});
