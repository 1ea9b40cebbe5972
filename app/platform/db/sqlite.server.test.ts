import { randomUUID } from "node:crypto";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../../prisma/generated/sqlite/client";
import { EmbeddedSqlite, sqliteFilePath } from "./sqlite.server";

const onSqlite = !process.env.DATABASE_URL?.startsWith("postgres");

describe.runIf(onSqlite)("transactions on the embedded database beside another process", () => {
  const adapter = new EmbeddedSqlite(process.env.DATABASE_URL!, { busyTimeoutMs: 20 });
  const db = new PrismaClient({ adapter });
  /** Another process's connection to the same file, refused at once when the file is locked. */
  let other: Database.Database;
  beforeAll(() => {
    other = new Database(sqliteFilePath(process.env.DATABASE_URL!), { timeout: 0 });
  });

  afterAll(async () => {
    other.close();
    await db.$disconnect();
  });

  it("a transaction that reads and then writes commits although the other process writes between", async () => {
    const shopDomain = `tx-${randomUUID().slice(0, 8)}.myshopify.com`;
    const bystander = `bystander-${randomUUID().slice(0, 8)}.myshopify.com`;
    let otherWrite: "committed" | "refused" | undefined;

    await db.$transaction(async (tx) => {
      expect(await tx.loyaltySettings.findUnique({ where: { shopDomain } })).toBeNull();
      try {
        other
          .prepare(
            'INSERT INTO "LoyaltySettings" ("id", "shopDomain", "updatedAt") VALUES (?, ?, ?)',
          )
          .run(randomUUID(), bystander, new Date().toISOString());
        otherWrite = "committed";
      } catch {
        otherWrite = "refused";
      }
      await tx.loyaltySettings.create({ data: { shopDomain } });
    });

    // The transaction held the write lock from its start: the other process waits its turn.
    expect(otherWrite).toBe("refused");
    expect(await db.loyaltySettings.findUnique({ where: { shopDomain } })).not.toBeNull();
  });
});
