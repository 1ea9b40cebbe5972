import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { sendWebhook, storefrontFetch } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

/**
 * Issue #15, finding 1, as reproduced against the demo:
 * `GET /apps/aftercare/track?format=json&order=<n>&email=%00no%20email` answered 200 with the
 * order's name and shipments for any order whose stored email is null (POS, phone-only, redacted).
 */
const NO_EMAIL_ORDER = withFields(webhookFixture("orders/create"), {
  email: null,
  contact_email: null,
}).replace('"email": "john@example.com"', '"email": null');

async function shopWithOrderWithoutEmail(label: string) {
  const shop = uniqueShop(label);
  await installShop(shop);
  expect((await sendWebhook({ shop, topic: "orders/create", body: NO_EMAIL_ORDER })).status).toBe(
    200,
  );
  await waitFor(
    async () =>
      (await db.order.findFirst({ where: { shopDomain: shop, name: "#9999" } })) ?? undefined,
    {
      message: "order stored",
    },
  );
  return shop;
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

describe("order lookups on the storefront", () => {
  it("refuses the NUL-prefixed email that opened orders without one, with a clear error", async () => {
    const shop = await shopWithOrderWithoutEmail("lookup-nul");
    const attack = await storefrontFetch(shop, "/track?format=json&order=9999&email=%00no%20email");
    expect(attack.status).toBe(400);
    expect(await attack.json()).toEqual({ error: "invalidCharacters" });

    const page = await storefrontFetch(shop, "/track", form({ order: "9999", email: "\u0000x" }));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Remove the invisible control characters");
  });

  it("never opens an order without an email to any typed email", async () => {
    const shop = await shopWithOrderWithoutEmail("lookup-none");
    for (const email of ["no email", "typed nothing", "jon@example.com", "john@example.com"]) {
      const response = await storefrontFetch(
        shop,
        `/track?format=json&order=9999&email=${encodeURIComponent(email)}`,
      );
      expect(response.status, email).toBe(404);
      expect(await response.json()).toEqual({ error: "notFound" });
    }
  });

  it("refuses control characters in the returns portal's lookups, as a page and as JSON", async () => {
    const shop = await shopWithOrderWithoutEmail("lookup-returns");
    const json = await storefrontFetch(shop, "/returns", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "lookup", order: "9999", email: "\u0000no email" }),
    });
    expect(json.status).toBe(400);
    expect(JSON.stringify(await json.json())).toContain("must not contain control characters");

    const page = await storefrontFetch(
      shop,
      "/returns",
      form({ step: "lookup", order: "9999", email: "\u0000no email" }),
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Remove the invisible control characters");

    const orderWithoutEmail = await storefrontFetch(
      shop,
      "/returns",
      form({ step: "lookup", order: "9999", email: "john@example.com" }),
    );
    expect(orderWithoutEmail.status).toBe(404);
  });
});
