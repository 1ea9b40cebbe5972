import Database from "libsql";
import { describe, expect, it } from "vitest";
import { cacheStatements } from "./statement-cache";

function database(size?: number) {
  const db = cacheStatements(new Database(":memory:"), size);
  db.exec(`CREATE TABLE "Item" ("id" INTEGER PRIMARY KEY, "name" TEXT UNIQUE)`);
  return db;
}

describe("cacheStatements", () => {
  it("prepares a statement once per text and answers each execution with its own values", () => {
    const db = database();
    const insert = db.prepare(`INSERT INTO "Item" ("name") VALUES (?)`);
    for (const name of ["mug", "tea", "filter"])
      db.prepare(`INSERT INTO "Item" ("name") VALUES (?)`).run([name]);
    expect(db.prepare(`INSERT INTO "Item" ("name") VALUES (?)`)).toBe(insert);
    const select = `SELECT "name" FROM "Item" WHERE "id" >= ? ORDER BY "id"`;
    expect(db.prepare(select).all([2])).toEqual([{ name: "tea" }, { name: "filter" }]);
    expect(db.prepare(select).all([3])).toEqual([{ name: "filter" }]);
  });

  it("keeps working after a statement failed, and commits afterwards", () => {
    const db = database();
    const insert = `INSERT INTO "Item" ("name") VALUES (?)`;
    db.prepare(insert).run(["mug"]);
    db.exec("BEGIN");
    expect(() => db.prepare(insert).run(["mug"])).toThrow(/UNIQUE/);
    db.prepare(insert).run(["tea"]);
    db.exec("COMMIT");
    expect(db.prepare(`SELECT count(*) AS "items" FROM "Item"`).all([])).toEqual([{ items: 2 }]);
  });

  it("forgets the least recently used text beyond its size", () => {
    const db = database(2);
    const first = db.prepare(`SELECT 1`);
    const second = db.prepare(`SELECT 2`);
    expect(db.prepare(`SELECT 1`)).toBe(first);
    db.prepare(`SELECT 3`);
    expect(db.prepare(`SELECT 1`)).toBe(first);
    expect(db.prepare(`SELECT 2`)).not.toBe(second);
  });

  it("reads a statement's columns once when its text names them, and every time for a `*`", () => {
    const db = database();
    const named = db.prepare(`SELECT "id", "name" FROM "Item"`);
    const starred = db.prepare(`SELECT * FROM "Item"`);
    expect(named.columns().map((column) => column.name)).toEqual(["id", "name"]);
    expect(named.columns()).toBe(named.columns());
    expect(starred.columns()).not.toBe(starred.columns());
    expect(db.prepare(`SELECT count(*) AS "items" FROM "Item"`).all([])).toEqual([{ items: 0 }]);
  });
});
