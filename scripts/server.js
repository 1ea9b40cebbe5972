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
/** How long a refused request's unread body is discarded before its connection is closed. */
const UNREAD_BODY_LINGER_MS = 1000;

/** @typedef {import("@remix-run/node").ServerBuild & { entry: { module: typeof import("../app/entry.server") } }} AppBuild */

async function loadApp() {
  if (dev) {
    const vite = await import("vite").then((module) =>
      module.createServer({ root, server: { middlewareMode: true } }),
    );
    const load = async () =>
      /** @type {AppBuild} */ (await vite.ssrLoadModule("virtual:remix/server-build"));
    // Handed a function, Remix loads the build and derives its routes again on every request:
    // what development needs for Vite's changes to show.
    return { build: await load(), requestBuild: load, assets: vite.middlewares };
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
  // Handed the build itself, Remix derives its routes once.
  return { build, requestBuild: build, assets };
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
  const { build, requestBuild, assets } = app;
  const {
    log,
    withLogContext,
    checkHealth,
    ingestWebhook,
    webhookBodyLimit,
    startBackgroundWork,
    stopBackgroundWork,
    workersInWebProcess,
  } = build.entry.module;

  const handleRequest = createRequestHandler(requestBuild, dev ? "development" : "production");
  /** @type {import("@remix-run/node-fetch-server").FetchHandler} */
  const handler = (request, client) => {
    const requestId = request.headers.get("x-request-id") || randomUUID();
    return withLogContext({ requestId }, async () => {
      const started = performance.now();
      // The TCP peer: rate limits count shoppers from it (app/storefront/rate-limit.server.ts).
      const response = await handleRequest(request, { clientAddress: client.address });
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
  };
  const listener = createRequestListener(handler);

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
      const refusal = refuseBeforeReading(req);
      if (refusal) return refuse(res, requestId, refusal);
      const rawBody = await readLimited(req, webhookBodyLimit);
      if (rawBody === null)
        return refuse(res, requestId, { status: 413, body: "Payload Too Large" });
      const result = await ingestWebhook({
        method: req.method ?? "GET",
        url: `http://${req.headers.host ?? "localhost"}${req.url}`,
        header: (/** @type {string} */ name) => {
          const value = req.headers[name];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        },
        rawBody,
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

  /**
   * What can be refused from the headers alone, before a byte of the body is read: a delivery
   * without Shopify's signature (400, as the library answers a missing header), or one declaring
   * more than the limit (413).
   * @param {http.IncomingMessage} req
   */
  const refuseBeforeReading = (req) => {
    if (req.method !== "POST") return null;
    if (!req.headers["x-shopify-hmac-sha256"])
      return { status: 400, body: "Bad Request: missing X-Shopify-Hmac-Sha256" };
    if (Number(req.headers["content-length"]) > webhookBodyLimit)
      return { status: 413, body: "Payload Too Large" };
    return null;
  };

  /**
   * The body as text, or null as soon as it passes `limit` bytes (counted, so a chunked body
   * without a Content-Length is bounded too); the rest is never read.
   * @param {http.IncomingMessage} req
   * @param {number} limit
   */
  const readLimited = (req, limit) =>
    /** @type {Promise<string | null>} */ (
      new Promise((resolve, reject) => {
        /** @type {Buffer[]} */
        const chunks = [];
        let total = 0;
        /** @param {Buffer} chunk */
        const onData = (chunk) => {
          total += chunk.length;
          if (total <= limit) return void chunks.push(chunk);
          // Stop reading without destroying the socket: the 413 still has to go out on it.
          req.off("data", onData);
          req.pause();
          resolve(null);
        };
        req.on("data", onData);
        req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.once("error", reject);
      })
    );

  /**
   * Answers a webhook refused before (all of) its body was read.
   * @param {http.ServerResponse} res
   * @param {string} requestId
   * @param {{ status: number, body: string }} refusal
   */
  const refuse = (res, requestId, refusal) => {
    log().warn({ status: refusal.status }, "Webhook refused before reading its body");
    res.writeHead(refusal.status, {
      "Content-Type": "text/plain; charset=utf-8",
      "x-request-id": requestId,
    });
    res.end(refusal.body);
  };

  /**
   * A request answered before its body was read in full (refused by its size or its signature)
   * must not make the server read the rest. The connection is not cut at once: a client still
   * sending would get a reset instead of the answer, so the rest is discarded for a moment and
   * then the connection is closed.
   * @param {http.IncomingMessage} req
   */
  const closeAfterUnreadBody = (req) => {
    if (req.complete) return;
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), UNREAD_BODY_LINGER_MS);
    req.once("end", () => clearTimeout(timer));
  };

  const server = http.createServer((req, res) => {
    res.once("finish", () => closeAfterUnreadBody(req));
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
