import { execFileSync } from "node:child_process";
import path from "node:path";
import { TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { createTestDatabase } from "../../tests/support/database";
import { profilingEnv } from "./processes";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a bench script (bench/seeds/*.ts) in its own process on a fresh database named `name`,
 * and returns the JSON of its last line; the database is dropped afterwards. With BENCH_CPU_PROF
 * the script writes a V8 CPU profile there too.
 */
export async function runSeedScript<T>(name: string, script: string): Promise<T> {
  const database = await createTestDatabase(name);
  try {
    const output = execFileSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), script],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          SHOPIFY_API_KEY: TEST_API_KEY,
          SHOPIFY_API_SECRET: TEST_API_SECRET,
          SHOPIFY_APP_URL: "http://127.0.0.1:9",
          LOG_LEVEL: "warn",
          ...profilingEnv(),
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return JSON.parse(output.trim().split("\n").at(-1)!) as T;
  } finally {
    await database.drop();
  }
}
