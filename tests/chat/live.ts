import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { adminFetch, BROWSER_UA, sendWebhook, standinUrl, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

export const TRACKING = "1Z999AA10123456784";

/** A shop with order #9999 (this test's own e-mail) shipped by UPS and in transit. */
export async function shopWithOrder(label: string) {
  const shop = uniqueShop(label);
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  await installShop(shop);
  await sendWebhook({
    shop,
    topic: "orders/create",
    body: withFields(webhookFixture("orders/create"), { email }),
  });
  await sendWebhook({
    shop,
    topic: "fulfillments/create",
    body: withFields(webhookFixture("fulfillments/create"), {
      shipment_status: "in_transit",
      status: "success",
    }).replaceAll("1z827wk74630", TRACKING),
  });
  await waitFor(
    async () =>
      (await db.trackingShipment.findFirst({
        where: { shopDomain: shop, trackingKey: TRACKING, tag: "InTransit" },
      })) ?? undefined,
    { message: "parcel stored", timeout: 60_000 },
  );
  return { shop, email };
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

export function adminPost(shop: string, path: string, fields: Record<string, string>) {
  return adminFetch(shop, `${path}.data`, form(fields));
}

/** Business hours the merchant saves in the chat settings: every day, or none. */
export async function saveHours(shop: string, open: boolean) {
  const fields: Record<string, string> = { origins: "" };
  for (const day of ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]) {
    if (!open) continue;
    Object.assign(fields, {
      [`${day}.open`]: "on",
      [`${day}.from`]: "00:00",
      [`${day}.to`]: "24:00",
    });
  }
  const response = await adminPost(shop, "/app/support/chat", fields);
  expect(response.status).toBe(200);
}

/** The widget's request through the shop's App Proxy (the stand-in signs and forwards it). */
export function chat(shop: string, body: unknown, init: RequestInit = {}) {
  return storefrontFetch(shop, "/chat", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
    ...init,
  });
}

/** The storefront's origin as the stand-in serves it (what a browser sends as Origin). */
export const storefrontOrigin = () => new URL(standinUrl()).origin;

export interface LiveStream {
  response: Response;
  /** The next `message` event whose data passes `match`. */
  next(match: (data: { author: string; body: string; id: string }) => boolean): Promise<{
    author: string;
    body: string;
    id: string;
  }>;
  close(): void;
}

/** Opens a conversation's event stream as the widget's EventSource does. */
export async function openStream(url: string, origin = storefrontOrigin()): Promise<LiveStream> {
  const stop = new AbortController();
  const response = await fetch(url, {
    headers: { Accept: "text/event-stream", Origin: origin, "User-Agent": BROWSER_UA },
    signal: stop.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  return {
    response,
    async next(match) {
      for (;;) {
        const events = pending.split("\n\n");
        pending = events.pop() ?? "";
        for (const [index, event] of events.entries()) {
          const data = /^event: message\ndata: (.*)$/m.test(event)
            ? JSON.parse(/^data: (.*)$/m.exec(event)![1]!)
            : null;
          if (data && match(data)) {
            pending = [...events.slice(index + 1), pending].join("\n\n");
            return data;
          }
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        pending += value;
      }
    },
    close: () => stop.abort(),
  };
}
