import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedRows, readmeRows } from "./event-catalog";

describe("the README's event catalog", () => {
  it("lists every event of the catalog with its version, aggregate and emitting capability", () => {
    expect(readmeRows(readFileSync("README.md", "utf8"))).toEqual(expectedRows());
  });
});
