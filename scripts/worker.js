// Background workers without the web server: `npm run worker` (after `npm run build`). On
// PostgreSQL any number of these share the queue; on SQLite the web process runs the workers.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// A .env beside package.json configures `npm start` / `npm run dev`; the environment wins.
if (existsSync(".env")) process.loadEnvFile(".env");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @type {{ entry: { module: typeof import("../app/entry.server") } }} */
let build;
try {
  build = await import(path.join(root, "build/server/index.js"));
} catch (error) {
  if (error instanceof Error && error.name === "ConfigError") {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { log, checkHealth, startBackgroundWork, stopBackgroundWork } = build.entry.module;

const health = await checkHealth();
if (!health.ok) {
  console.error(`Aftercare worker cannot start: ${JSON.stringify(health)}`);
  process.exit(1);
}
await startBackgroundWork();
log().info("Worker running; stop with Ctrl+C");

const stop = async () => {
  await stopBackgroundWork();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
