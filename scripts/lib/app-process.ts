import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { Writable } from "node:stream";
import { root } from "./prisma-schema";

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

export interface AppProcess {
  url: string;
  port: number;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface AppProcessOptions {
  port: number;
  env: Record<string, string>;
  /** Where the app's stdout and stderr go. */
  output: Writable;
  /** Named in the errors, so the reader knows where to look. */
  outputName: string;
}

/** Runs the production build (`node scripts/server.js`) as its own process and waits for health. */
export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [path.join(root, "scripts/server.js")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      HOST: "127.0.0.1",
      SHOPIFY_APP_URL: url,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(options.output);
  child.stderr.pipe(options.output);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  // A production start on a loaded machine (CI runs other app processes beside it) takes a while.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The app exited (${child.exitCode}); see ${options.outputName}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`The app did not become healthy; see ${options.outputName}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port: options.port,
    process: child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      // A process still alive well past its own shutdown grace is killed, as a platform would.
      const kill = setTimeout(() => child.kill("SIGKILL"), 60_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
