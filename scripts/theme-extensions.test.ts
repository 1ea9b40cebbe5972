import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** What a block's script may weigh: it loads on product and cart pages, whose speed sells. */
const MAX_SCRIPT_BYTES = 10_000;

const extensionsDir = path.resolve(import.meta.dirname, "../extensions");
const themeExtensions = readdirSync(extensionsDir).filter((name) =>
  /type = "theme"/.test(
    (() => {
      try {
        return readFileSync(path.join(extensionsDir, name, "shopify.extension.toml"), "utf8");
      } catch {
        return "";
      }
    })(),
  ),
);

function lookup(tree: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe.each(themeExtensions)("theme app extension %s", (name) => {
  const dir = path.join(extensionsDir, name);
  const locales = readdirSync(path.join(dir, "locales"));
  const blocks = readdirSync(path.join(dir, "blocks")).map((file) =>
    readFileSync(path.join(dir, "blocks", file), "utf8"),
  );

  it("has a valid block schema and every text in en, fr, de and es", () => {
    for (const locale of ["en.default", "fr", "de", "es"]) {
      expect(locales).toContain(`${locale}.json`);
      expect(locales).toContain(`${locale}.schema.json`);
    }
    for (const liquid of blocks) {
      const schema = /\{% schema %\}([\s\S]*?)\{% endschema %\}/.exec(liquid)?.[1];
      expect(schema).toBeDefined();
      const schemaKeys = [...schema!.matchAll(/"t:([\w.]+)"/g)].map((match) => match[1]!);
      const storefrontKeys = [...liquid.matchAll(/'([\w.]+)' \| t\b/g)].map((match) => match[1]!);
      expect(JSON.parse(schema!)).toHaveProperty("name");
      for (const file of locales) {
        const texts: unknown = JSON.parse(readFileSync(path.join(dir, "locales", file), "utf8"));
        const keys = file.endsWith(".schema.json") ? schemaKeys : storefrontKeys;
        for (const key of keys)
          expect(lookup(texts, key), `${file}: ${key}`).toEqual(expect.any(String));
      }
    }
  });

  it("loads only scripts it ships, each small", () => {
    for (const liquid of blocks) {
      const schema = JSON.parse(/\{% schema %\}([\s\S]*?)\{% endschema %\}/.exec(liquid)![1]!) as {
        javascript?: string;
      };
      if (!schema.javascript) continue;
      const script = path.join(dir, "assets", schema.javascript);
      expect(existsSync(script), schema.javascript).toBe(true);
      expect(statSync(script).size).toBeLessThan(MAX_SCRIPT_BYTES);
    }
  });
});
