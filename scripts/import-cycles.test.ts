import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findImportCycles } from "./import-cycles";

function tree(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cycles-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("import cycles", () => {
  it("the app has none (issue #16: imports only point down)", () => {
    expect(findImportCycles("app")).toEqual([]);
  });

  it("finds a cycle through several modules and folders, and ignores type-only imports", () => {
    const dir = tree({
      "a.ts": `import { b } from "./x/b";\nexport const a = b;`,
      "x/b.ts": `import { c } from "../c.server";\nexport const b = c;`,
      "c.server.ts": `export { a as c } from "./a";`,
      "d.ts": `import type { a } from "./a";\nimport { type b } from "./x/b";\nexport const d = 1;`,
      "e.ts": `import { d } from "./d";\nexport const e = d;`,
    });
    expect(findImportCycles(dir)).toEqual([["a.ts", "c.server.ts", "x/b.ts"]]);
  });
});
