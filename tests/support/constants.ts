import { randomUUID } from "node:crypto";

/** The app credentials every test process shares with the app server and the stand-in. */
export const TEST_API_KEY = "aftercare-test-key";
export const TEST_API_SECRET = "aftercare-test-secret";

/** A shop of its own for each test: every query is shop-scoped, so tests cannot see each other. */
export function uniqueShop(label = "test"): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 20);
  return `${slug}-${randomUUID().slice(0, 8)}.myshopify.com`;
}

/** A browser's user agent: the Shopify library answers 410 to ones it takes for bots. */
export const BROWSER_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** Mailgun's inbound side: the app's reply-to domain and the signing key the stand-in signs with. */
export const TEST_INBOUND_MAIL_DOMAIN = "reply.aftercare.test";
export const TEST_MAILGUN_SIGNING_KEY = "key-aftercare-test-mailgun-signing";
