// The Aftercare web server: the Remix app, its static assets and (by default) the background
// workers, in one process. `npm start` runs the production build; `npm run dev` runs from source
// through Vite.
import { existsSync } from "node:fs";
import { randomUUID } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/node";
import { createRequestListener } from "@remix-run/node-fetch-server";
import sirv from "sirv";

// A .env beside package.json configures `npm start` / `npm run dev`; the environment wins.
if (existsSync(".env")) process.loadEnvFile(".env");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";

/** @typedef {import("@remix-run/node").ServerBuild & { entry: { module: typeof import("../app/entry.server") } }} AppBuild */

async function loadApp() {
  if (dev) {
    const vite = await import("vite").then((module) =>
      module.createServer({ root, server: { middlewareMode: true } }),
    );
    const load = async () =>
      /** @type {AppBuild} */ (await vite.ssrLoadModule("virtual:remix/server-build"));
    return { build: await load(), getBuild: load, assets: vite.middlewares };
  }
  const build = /** @type {AppBuild} */ (await import(path.join(root, "build/server/index.js")));
  const assets = sirv(path.join(root, "build/client"), {
    maxAge: 31536000,
    immutable: true,
    gzip: true,
    setHeaders: (response, pathname) => {
      if (!pathname.startsWith("/assets/"))
        response.setHeader("Cache-Control", "public, max-age=3600");
    },
  });
  return { build, getBuild: async () => build, assets };
}

async function main() {
  let app;
  try {
    app = await loadApp();
  } catch (error) {
    if (error instanceof Error && error.name === "ConfigError") {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { build, getBuild, assets } = app;
  const {
    log,
    withLogContext,
    checkHealth,
    ingestWebhook,
    startBackgroundWork,
    stopBackgroundWork,
    workersInWebProcess,
  } = build.entry.module;

  const handleRequest = createRequestHandler(getBuild, dev ? "development" : "production");
  const listener = createRequestListener((request) => {
    const requestId = request.headers.get("x-request-id") || randomUUID();
    return withLogContext({ requestId }, async () => {
      const started = performance.now();
      const response = await handleRequest(request);
      const ms = Math.round(performance.now() - started);
      const url = new URL(request.url);
      const level = response.status >= 500 ? "error" : ms > 1000 ? "warn" : "debug";
      log()[level](
        { method: request.method, path: url.pathname, status: response.status, ms },
        "request",
      );
      response.headers.set("x-request-id", requestId);
      return response;
    });
  });

  const health = await checkHealth();
  if (!health.ok) {
    console.error(`Aftercare cannot start: ${JSON.stringify(health)}`);
    process.exit(1);
  }
  if (workersInWebProcess()) await startBackgroundWork();

  /**
   * Webhooks (every topic, shopify.app.toml) go straight to the ingest path, ahead of the Remix
   * router: it is the hottest path of the app and needs none of Remix.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  const webhookListener = (req, res) => {
    const requestId = String(req.headers["x-request-id"] || randomUUID());
    withLogContext({ requestId }, async () => {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const result = await ingestWebhook({
        method: req.method ?? "GET",
        url: `http://${req.headers.host ?? "localhost"}${req.url}`,
        header: (/** @type {string} */ name) => {
          const value = req.headers[name];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        },
        rawBody: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(result.status, {
        "Content-Type": "text/plain; charset=utf-8",
        "x-request-id": requestId,
        ...(result.status === 405 ? { Allow: "POST" } : {}),
      });
      res.end(result.body);
    }).catch((error) => {
      log().error({ err: error }, "Webhook ingest failed");
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  };

  const server = http.createServer((req, res) => {
    if (req.url === "/webhooks" || req.url?.startsWith("/webhooks?"))
      return webhookListener(req, res);
    assets(req, res, () => listener(req, res));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, host, () =>
    log().info({ port, dev }, `Aftercare listening on http://localhost:${port}`),
  );

  let stopping = false;
  /** @param {string} signal */
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, "Shutting down");
    server.close();
    server.closeIdleConnections();
    await stopBackgroundWork();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

await main();
