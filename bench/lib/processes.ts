import { execFileSync, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { DEFAULT_JOBS_POLL_INTERVAL_MS } from "../../app/config.server";
import { freePort, startAppServer } from "../../tests/support/app-server";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");

/**
 * Runs a TypeScript file to completion as its own Node process (its stderr shown) and returns
 * the last line it printed: the JSON a seed or a measured run reports.
 */
export function runTsScript(file: string, env: Record<string, string>) {
  const output = execFileSync(process.execPath, [tsx, file], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  const lines = output.trim().split("\n");
  for (const line of lines.slice(0, -1)) console.log(line);
  return JSON.parse(lines.at(-1) ?? "null") as unknown;
}

/** Runs a TypeScript file as its own Node process and waits until `url` answers. */
export async function startTsProcess(file: string, env: Record<string, string>, readyUrl: string) {
  const child = spawn(process.execPath, [tsx, file], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`);
    try {
      await fetch(readyUrl);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${file} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs `measure` against a floor server (a TypeScript file listening on PORT), then stops it. */
export async function withFloor<T>(
  file: string,
  env: Record<string, string>,
  measure: (url: string, pid: number) => Promise<T>,
): Promise<T> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const floor = await startTsProcess(file, { ...env, PORT: String(port) }, `${url}/`);
  try {
    return await measure(url, floor.pid);
  } finally {
    await floor.stop();
  }
}

/**
 * With BENCH_CPU_PROF=<dir>, the app processes write V8 CPU profiles there when they stop
 * (`npx tsx bench/profile.ts <file>` prints where the time went).
 */
export function profilingEnv(): Record<string, string> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return {};
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --cpu-prof --cpu-prof-dir=${path.resolve(dir)}`,
  };
}

/** The production build on `databaseUrl` as the benchmarks run it: no Shopify to reach, quiet. */
export function startBenchApp(
  databaseUrl: string,
  logName: string,
  env: Record<string, string> = {},
) {
  return startAppServer({
    databaseUrl,
    shopOrigin: "http://127.0.0.1:9/store/{shop}",
    appBridgeUrl: "",
    logName,
    env: {
      LOG_LEVEL: "warn",
      // The tests' app polls its queue every 100 ms to keep them quick; the benchmarks measure
      // what a deployment runs.
      JOBS_POLL_INTERVAL_MS: String(DEFAULT_JOBS_POLL_INTERVAL_MS),
      ...profilingEnv(),
      ...env,
    },
  });
}

/**
 * `npm run worker` (scripts/worker.js) as its own process beside the app, on the same
 * configuration, its output in `logFile`. Whether it works shows when the queue drains: the
 * caller waits for that.
 */
export function startWorkerProcess(env: Record<string, string>, logFile: string) {
  const child = spawn(process.execPath, [path.join(root, "scripts/worker.js")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile, { flags: "a" });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stopWithCaller = () => child.kill();
  process.once("exit", stopWithCaller);
  return {
    pid: child.pid!,
    get exitCode() {
      return child.exitCode;
    },
    async stop() {
      process.off("exit", stopWithCaller);
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
