import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { freePort, startAppProcess, type AppProcess } from "../../scripts/lib/app-process";
import { root } from "../../scripts/lib/prisma-schema";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";

export { freePort, root };
export type AppServer = AppProcess;

export const artifactsDir = path.join(root, "tests/artifacts");

export interface AppServerOptions {
  databaseUrl: string;
  shopOrigin: string;
  appBridgeUrl: string;
  logName: string;
  port?: number;
  env?: Record<string, string>;
}

/** The app as a production process, configured for the test stand-in; logs in tests/artifacts. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  mkdirSync(artifactsDir, { recursive: true });
  return startAppProcess({
    port: options.port ?? (await freePort()),
    output: createWriteStream(path.join(artifactsDir, `${options.logName}.log`), { flags: "a" }),
    outputName: `tests/artifacts/${options.logName}.log`,
    env: {
      SHOPIFY_API_KEY: TEST_API_KEY,
      SHOPIFY_API_SECRET: TEST_API_SECRET,
      SHOPIFY_SHOP_ORIGIN: options.shopOrigin,
      APP_BRIDGE_URL: options.appBridgeUrl,
      DATABASE_URL: options.databaseUrl,
      JOBS_POLL_INTERVAL_MS: "100",
      LOG_LEVEL: "info",
      ...options.env,
    },
  });
}
