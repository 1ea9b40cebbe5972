import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every request body is read through body.server.ts, with its route's limit and after the request
 * is authenticated (issue #15, finding 4). A route calling `request.formData()` or
 * `request.json()` would read a body of any size whole.
 */
describe("request bodies", () => {
  it("are read only through the bounded reader", () => {
    const appDir = path.resolve(import.meta.dirname, "../..");
    const unbounded = readdirSync(appDir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .filter((file) =>
        /\brequest\.(formData|json|text|arrayBuffer|blob)\(\)/.test(
          readFileSync(path.join(appDir, file), "utf8"),
        ),
      );
    expect(unbounded).toEqual([]);
  });
});
