import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db, sql } from "../../db.server";
import { databaseProvider, databaseUrl } from "./provider";
import { runAsBackgroundWork } from "./priority";

describe.skipIf(databaseProvider(databaseUrl()) !== "sqlite")("the embedded database", () => {
  it("lets a request's query go ahead of background work waiting for the connection", async () => {
    const finished: string[] = [];
    const transaction = runAsBackgroundWork(() =>
      db.$transaction(async (tx) => {
        await tx.shop.count();
        await sleep(100);
      }),
    );
    await sleep(20);
    const background = runAsBackgroundWork(() =>
      sql.query("SELECT 1 AS one", []).then(() => finished.push("background")),
    );
    const request = sql.query("SELECT 1 AS one", []).then(() => finished.push("request"));
    await Promise.all([transaction, background, request]);
    expect(finished).toEqual(["request", "background"]);
  });
});
