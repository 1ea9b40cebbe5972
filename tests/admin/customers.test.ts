import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture } from "../support/fixtures";
import { adminFetch, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";
import { form } from "../returns/admin-support";

/** A shop holding Shopify's sample order and its customer, as the webhook brings them. */
async function shopWithCustomer(prefix: string) {
  const shop = uniqueShop(prefix);
  await installShop(shop);
  const delivered = await sendWebhook({
    shop,
    topic: "orders/create",
    body: webhookFixture("orders/create"),
  });
  expect(delivered.status).toBe(200);
  const customer = await waitFor(
    async () => (await db.customer.findFirst({ where: { shopDomain: shop } })) ?? undefined,
    { message: `${shop}'s customer stored` },
  );
  return { shop, customer };
}

const customerAction = (shop: string, customerId: string, fields: Record<string, string>) =>
  adminFetch(shop, `/app/customers/${customerId}.data`, form(fields));

describe("a customer's page: export and erase", () => {
  it("exports the customer's data, and erases it only once the merchant confirms", async () => {
    const { shop, customer } = await shopWithCustomer("customer-page");
    expect(customer.email).toBeTruthy();

    const exported = await customerAction(shop, customer.id, { intent: "export" });
    expect(exported.status).toBe(200);
    const request = await db.complianceRequest.findFirstOrThrow({
      where: { shopDomain: shop, customerShopifyId: customer.shopifyId },
    });
    expect(request.result).toContain(customer.email!);

    const unconfirmed = await customerAction(shop, customer.id, { intent: "erase" });
    expect(await unconfirmed.text()).toContain("Tick the box to confirm the erasure.");
    expect(await db.customer.findUnique({ where: { id: customer.id } })).not.toBeNull();

    const erased = await customerAction(shop, customer.id, { intent: "erase", confirm: "yes" });
    expect(erased.status).toBe(200);
    const left = await db.customer.findMany({
      where: { shopDomain: shop, email: customer.email },
    });
    expect(left).toEqual([]);
  });

  it("refuses another shop's customer and an unknown action, changing nothing", async () => {
    const { customer } = await shopWithCustomer("customer-owner");
    const stranger = uniqueShop("customer-stranger");
    await installShop(stranger);

    const foreign = await customerAction(stranger, customer.id, {
      intent: "erase",
      confirm: "yes",
    });
    expect(foreign.status).toBe(404);
    const unknown = await customerAction(customer.shopDomain, customer.id, { intent: "delete" });
    expect(unknown.status).toBe(400);
    expect(await db.customer.findUnique({ where: { id: customer.id } })).toMatchObject({
      email: customer.email,
    });
  });
});
