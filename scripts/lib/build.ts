import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "./prisma-schema";

const SOURCES = [
  "app",
  "vite.config.ts",
  "shopify.app.toml",
  "package-lock.json",
  "prisma/generated",
  "tsconfig.json",
];

function newestMtime(target: string): number {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))),
    stat.mtimeMs,
  );
}

/** Builds the app for production unless build/ is newer than every source it comes from. */
export function ensureBuild() {
  const built =
    statSync(path.join(root, "build/server/index.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...SOURCES.map((source) => newestMtime(path.join(root, source))));
  if (built > sources) return;
  // vite.config.ts leaves the Remix plugin out under vitest; the build must not look like vitest.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")),
  );
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"],
    {
      cwd: root,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}
