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
