/**
 * The UI extensions under extensions/ (those with a `ui_extension` shopify.extension.toml).
 *
 *   tsx scripts/extensions.ts typecheck   tsc on each extension's own tsconfig (Preact JSX)
 *   tsx scripts/extensions.ts build       bundle each target's module as Shopify CLI does
 *                                         (esbuild, minified, ES2020) and report its size;
 *                                         fails when one exceeds Shopify's 64 KB compressed cap
 *
 * `shopify app build` is the deploy path; this measures the same bundle without a Shopify login.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { parse } from "smol-toml";

const root = path.resolve(import.meta.dirname, "..");
const extensionsDir = path.join(root, "extensions");
/** Shopify's limit for UI extension bundles (compressed); full-page targets get 128 KB. */
const LIMIT_BYTES = 64 * 1024;

interface ExtensionToml {
  extensions?: {
    type?: string;
    handle?: string;
    targeting?: { module: string; target: string }[];
  }[];
}

export function uiExtensions() {
  if (!existsSync(extensionsDir)) return [];
  return readdirSync(extensionsDir)
    .map((name) => path.join(extensionsDir, name))
    .filter((dir) => existsSync(path.join(dir, "shopify.extension.toml")))
    .flatMap((dir) => {
      const toml = parse(
        readFileSync(path.join(dir, "shopify.extension.toml"), "utf8"),
      ) as ExtensionToml;
      return (toml.extensions ?? [])
        .filter((extension) => extension.type === "ui_extension")
        .map((extension) => ({
          dir,
          handle: extension.handle ?? path.basename(dir),
          modules: [...new Set((extension.targeting ?? []).map((target) => target.module))],
        }));
    });
}

function typecheck() {
  for (const extension of uiExtensions()) {
    execFileSync(
      path.join(root, "node_modules/.bin/tsc"),
      ["--noEmit", "-p", path.join(extension.dir, "tsconfig.json")],
      { stdio: "inherit" },
    );
  }
}

/** One bundle per target module, as Shopify CLI builds them; each must fit the limit. */
export async function buildExtensions() {
  const results = [];
  for (const extension of uiExtensions()) {
    for (const module of extension.modules) {
      const name =
        extension.modules.length > 1
          ? `${extension.handle}/${path.basename(module).replace(/\.[jt]sx?$/, "")}`
          : extension.handle;
      const outfile = path.join(extension.dir, "dist", `${name.replace("/", "-")}.js`);
      mkdirSync(path.dirname(outfile), { recursive: true });
      await build({
        entryPoints: [path.join(extension.dir, module)],
        bundle: true,
        minify: true,
        format: "esm",
        target: "es2020",
        jsx: "automatic",
        jsxImportSource: "preact",
        outfile,
        logLevel: "error",
      });
      const code = readFileSync(outfile);
      results.push({
        handle: name,
        bytes: code.length,
        gzipBytes: gzipSync(code, { level: 9 }).length,
        limitBytes: LIMIT_BYTES,
      });
    }
  }
  return results;
}

async function main(command: string | undefined) {
  if (command === "typecheck") return typecheck();
  if (command !== "build") {
    console.error("usage: tsx scripts/extensions.ts typecheck|build");
    process.exit(2);
  }
  const results = await buildExtensions();
  for (const result of results) {
    console.log(
      `${result.handle}: ${(result.bytes / 1024).toFixed(1)} KB, ${(result.gzipBytes / 1024).toFixed(1)} KB gzip (limit ${result.limitBytes / 1024} KB compressed)`,
    );
  }
  if (results.some((result) => result.gzipBytes > result.limitBytes)) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv[2]);
