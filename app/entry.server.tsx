import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { config } from "./config.server";
import { BODY_LIMITS } from "./platform/http/body.server";
import { allowStandinAdminFrame } from "./platform/shopify/shop-origin.server";
import { addDocumentResponseHeaders } from "./shopify.server";

// What scripts/server.js and scripts/worker.js use from the compiled app.
export { startBackgroundWork, stopBackgroundWork } from "./jobs.server";
export { checkHealth } from "./platform/health.server";
export { log, withLogContext } from "./platform/logging/logger.server";
export { ingestWebhook } from "./webhooks/ingest.server";
/** The largest webhook body scripts/server.js reads before answering 413. */
export const webhookBodyLimit = BODY_LIMITS.webhook;
export const workersInWebProcess = () => config().WORKERS_IN_WEB_PROCESS;

export const streamTimeout = 5000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  allowStandinAdminFrame(responseHeaders);
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
