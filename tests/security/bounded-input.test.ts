import { randomUUID } from "node:crypto";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { signAppProxyQuery, webhookHeaders } from "../../scripts/standin/signing";
import { TEST_API_SECRET, uniqueShop } from "../support/constants";
import { appUrl } from "../support/http";

/**
 * Bodies larger than a route accepts, sent as an attacker would: chunked (no Content-Length for
 * the app to trust), or with a Content-Length that announces them (issue #15, finding 4: a 60 MB
 * body was buffered whole before the 401). A request refused before its body is read sends 1 MB
 * of it and waits: a server reading the body first would never answer. One refused at its limit
 * sends its limit and 1 MB more, then waits: a server that needed more of the body before
 * answering would never answer. (Counting the bytes sent when the answer came measured the
 * machine's load instead: 40 MB of a 60 MB body once went out during the app's one-second linger
 * on a busy machine.)
 */

const MB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, "a");

interface Upload {
  path: string;
  headers?: Record<string, string>;
  totalBytes: number;
  /** Announce the length up front instead of sending chunked. */
  declareLength?: boolean;
  /** Stop writing after this many bytes and wait: a server that reads the body first never answers. */
  sendAtMost?: number;
}

interface Outcome {
  status: number;
}

function upload({
  path,
  headers = {},
  totalBytes,
  declareLength = false,
  sendAtMost = totalBytes,
}: Upload) {
  return new Promise<Outcome>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(`${appUrl()}${path}`, {
      method: "POST",
      headers: {
        ...headers,
        ...(declareLength
          ? { "Content-Length": String(totalBytes) }
          : { "Transfer-Encoding": "chunked" }),
      },
    });
    request.on("response", (response) => {
      answered = true;
      const status = response.statusCode ?? 0;
      response.resume();
      response.on("end", () => {
        request.destroy();
        resolve({ status });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      const stopAt = Math.min(totalBytes, sendAtMost);
      while (!answered && sent < stopAt) {
        const chunk = CHUNK.subarray(0, Math.min(CHUNK.length, stopAt - sent));
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered && sent === totalBytes) request.end();
    };
    pump();
  });
}

const signedWebhookHeaders = (shop: string, secret = TEST_API_SECRET) =>
  webhookHeaders("not the body that is sent", {
    shop,
    topic: "orders/create",
    secret,
    apiVersion: "2026-10",
    webhookId: randomUUID(),
  });

const proxyPath = (shop: string, path: string, secret = TEST_API_SECRET) =>
  `/proxy${path}?${signAppProxyQuery(new URLSearchParams(), { shop, pathPrefix: "/apps/aftercare", secret })}`;

describe("bounded request bodies", () => {
  it("refuses a chunked 60 MB webhook with 413 after reading at most its 10 MB limit, storing nothing", async () => {
    const shop = uniqueShop("huge-webhook");
    const outcome = await upload({
      path: "/webhooks",
      headers: signedWebhookHeaders(shop),
      totalBytes: 60 * MB,
      sendAtMost: 11 * MB,
    });
    expect(outcome.status).toBe(413);
    expect(await db.webhookDelivery.count({ where: { shopDomain: shop } })).toBe(0);
  });

  it("refuses a webhook announcing 60 MB without reading its body", async () => {
    const shop = uniqueShop("declared-webhook");
    const outcome = await upload({
      path: "/webhooks",
      headers: signedWebhookHeaders(shop),
      totalBytes: 60 * MB,
      declareLength: true,
      sendAtMost: 1 * MB,
    });
    expect(outcome.status).toBe(413);
  });

  it("refuses an unsigned webhook before reading its body", async () => {
    const headers = signedWebhookHeaders(uniqueShop("unsigned-webhook"));
    delete headers["X-Shopify-Hmac-Sha256"];
    const outcome = await upload({
      path: "/webhooks",
      headers,
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(outcome.status).toBe(400);
  });

  it("refuses an unsigned EasyPost event before reading its body, and a signed-looking 60 MB one at its limit", async () => {
    const shop = uniqueShop("easypost-huge");
    const unsigned = await upload({
      path: `/webhooks/easypost?shop=${shop}`,
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(unsigned.status).toBe(401);
    const large = await upload({
      path: `/webhooks/easypost?shop=${shop}`,
      headers: { "X-Hmac-Signature": "hmac-sha256-hex=00" },
      totalBytes: 60 * MB,
      sendAtMost: 3 * MB,
    });
    expect(large.status).toBe(413);
  });

  it("refuses an unsigned Shopify Flow action run before reading its body, and bounds a signed-looking one at 64 KB", async () => {
    const unsigned = await upload({
      path: "/flow/actions/add-loyalty-points",
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(unsigned.status).toBe(401);
    const large = await upload({
      path: "/flow/actions/add-loyalty-points",
      headers: { "X-Shopify-Hmac-Sha256": "AAAA" },
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(large.status).toBe(413);
  });

  it("checks the App Proxy signature of the tracking form before reading it, and bounds a signed one", async () => {
    const shop = uniqueShop("track-huge");
    const forged = await upload({
      path: proxyPath(shop, "/track", "not-the-secret"),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(forged.status).toBe(400);
    const signed = await upload({
      path: proxyPath(shop, "/track"),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(signed.status).toBe(413);
  });

  it("authenticates recommendation events before reading their JSON", async () => {
    const outcome = await upload({
      path: "/api/recommendations/events",
      headers: { "Content-Type": "application/json", Origin: "https://extensions.shopifycdn.com" },
      totalBytes: 60 * MB,
      sendAtMost: 1 * MB,
    });
    expect(outcome.status).toBe(401);
  });

  it("counts a chunked return upload against the 140 MB cap that Content-Length alone enforced", async () => {
    const shop = uniqueShop("returns-huge");
    const outcome = await upload({
      path: proxyPath(shop, "/returns"),
      headers: { "Content-Type": "multipart/form-data; boundary=----aftercare" },
      totalBytes: 200 * MB,
      sendAtMost: 141 * MB,
    });
    expect(outcome.status).toBe(413);
  });
});
