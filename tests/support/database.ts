import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseProvider, postgresConnectionFields } from "../../app/platform/db/provider";

const root = path.resolve(import.meta.dirname, "../..");

export interface TestDatabase {
  url: string;
  provider: "sqlite" | "postgresql";
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for a test run, on the provider DATABASE_URL names (SQLite when
 * unset). On PostgreSQL a new database is created beside the one named and dropped afterwards.
 */
export async function createTestDatabase(
  label: string,
  { migrated = true } = {},
): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL?.trim();
  const provider = base ? databaseProvider(base) : "sqlite";
  const suffix = `${label}_${process.pid}_${Date.now().toString(36)}`
    .replace(/[^a-z0-9_]/gi, "_")
    .toLowerCase();

  if (provider === "sqlite") {
    const dir = path.join(os.tmpdir(), `aftercare-test-${suffix}`);
    mkdirSync(dir, { recursive: true });
    const url = `file:${path.join(dir, "test.sqlite")}`;
    if (migrated) migrate(url);
    return { url, provider, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }

  const fields = postgresConnectionFields(base!);
  const database = `aftercare_${suffix}`.slice(0, 63);
  const admin = new pg.Client({ ...fields });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(base!);
  url.pathname = `/${database}`;
  if (migrated) migrate(url.toString());
  return {
    url: url.toString(),
    provider,
    drop: async () => {
      const client = new pg.Client({ ...fields });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  };
}

function migrate(url: string) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db.ts", "deploy"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      stdio: "pipe",
    },
  );
}

/** Runs the Prisma CLI against a database and returns what it printed. */
export function prismaCli(args: string[], url: string): string {
  return execFileSync(path.join(root, "node_modules/.bin/prisma"), args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
