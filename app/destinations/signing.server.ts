import { createHmac } from "node:crypto";

/**
 * How a merchant's endpoint knows a delivery is ours: `Aftercare-Signature: v1=<hex>` where hex
 * is HMAC-SHA256 with the endpoint's secret over `<Aftercare-Timestamp>.<raw body>`. The
 * timestamp is inside the signed text so a receiver can refuse old deliveries (we document five
 * minutes) and a captured request cannot be replayed later.
 */
export function signatureHeader(secret: string, timestamp: number, body: string) {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function deliveryHeaders(secret: string, eventId: string, body: string, now: Date) {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "Content-Type": "application/json",
    "User-Agent": "Aftercare-Webhooks/1",
    "Aftercare-Event-Id": eventId,
    "Aftercare-Timestamp": String(timestamp),
    "Aftercare-Signature": signatureHeader(secret, timestamp, body),
  };
}
