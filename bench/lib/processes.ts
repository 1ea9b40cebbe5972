import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs a TypeScript file as its own Node process and waits until `url` answers. */
export async function startTsProcess(file: string, env: Record<string, string>, readyUrl: string) {
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), file], {
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
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
