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

/** Refuses a port something already listens on, before the app is started on it. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use (an earlier run still going?); pick another`)
          : error,
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
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
  // Otherwise the health check below would find the earlier process and take it for this one.
  await assertPortFree(options.port);
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
  // A caller that stops on an error (process.exit) leaves no app behind holding its port.
  const stopWithCaller = () => child.kill();
  process.once("exit", stopWithCaller);
  void exited.then(() => process.off("exit", stopWithCaller));

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
