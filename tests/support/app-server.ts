import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";

export const root = path.resolve(import.meta.dirname, "../..");
export const artifactsDir = path.join(root, "tests/artifacts");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface AppServerOptions {
  databaseUrl: string;
  shopOrigin: string;
  appBridgeUrl: string;
  logName: string;
  port?: number;
  env?: Record<string, string>;
}

/** Runs the production build (`node scripts/server.js`) as its own process, as in production. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  mkdirSync(artifactsDir, { recursive: true });
  const log = createWriteStream(path.join(artifactsDir, `${options.logName}.log`), { flags: "a" });
  const child = spawn(process.execPath, [path.join(root, "scripts/server.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_APP_URL: url,
      SHOPIFY_SHOP_ORIGIN: options.shopOrigin,
      APP_BRIDGE_URL: options.appBridgeUrl,
      DATABASE_URL: options.databaseUrl,
      JOBS_POLL_INTERVAL_MS: "100",
      LOG_LEVEL: "info",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `App server exited (${child.exitCode}); see tests/artifacts/${options.logName}.log`,
      );
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(
        `App server did not become healthy; see tests/artifacts/${options.logName}.log`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    process: child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
