import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { webhookFixture, withFields } from "../support/fixtures";
import { actionData, adminFetch, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { mailArrived, mailbox } from "../support/mailbox";
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
    expect(await actionData(unconfirmed)).toMatchObject({ unconfirmed: true, erased: false });
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

describe("a customer's page: asking again about a delivery", () => {
  it("e-mails the survey of their newest delivered order once a day, and not once it is rated", async () => {
    const shop = uniqueShop("customer-resurvey");
    await installShop(shop);
    // The order's own address receives its e-mails: one no other test writes to.
    const email = `resurvey-${randomUUID().slice(0, 8)}@example.com`;
    await sendWebhook({
      shop,
      topic: "orders/create",
      body: withFields(webhookFixture("orders/create"), { email }),
    });
    const customer = await waitFor(
      async () => (await db.customer.findFirst({ where: { shopDomain: shop } })) ?? undefined,
      { message: `${shop}'s customer stored` },
    );
    type Surveyed = { surveyed: { queued: boolean; reason: string | null } };
    const ask = async () => {
      const response = await customerAction(shop, customer.id, { intent: "resend-survey" });
      expect(response.status).toBe(200);
      return (await actionData<Surveyed>(response)).surveyed;
    };
    expect(await ask()).toMatchObject({ queued: false, reason: "no_shipment" });

    // Delivered five days ago, learned now (a replayed history): no survey went out on its own.
    await sendWebhook({
      shop,
      topic: "fulfillments/create",
      body: withFields(webhookFixture("fulfillments/create"), {
        status: "success",
        shipment_status: "delivered",
        email,
        updated_at: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      }),
    });
    const shipment = await waitFor(
      async () =>
        (await db.trackingShipment.findFirst({ where: { shopDomain: shop, tag: "Delivered" } })) ??
        undefined,
      { message: "the delivered shipment" },
    );
    expect(await mailbox(email)).toEqual([]);

    expect(await ask()).toMatchObject({ queued: true, reason: null });
    const [survey] = await mailArrived(email, "the survey e-mail");
    expect(survey!.headers["x-aftercare-trigger"]).toBe("survey.csat");
    // A second click the same day sends nothing more.
    expect(await ask()).toMatchObject({ queued: false, reason: "duplicate" });

    await db.surveyResponse.create({
      data: { shopDomain: shop, kind: "csat", subjectKey: shipment.id, score: 4, source: "email" },
    });
    expect(await ask()).toMatchObject({ queued: false, reason: "rated" });
    expect(await mailbox(email)).toHaveLength(1);
  }, 120_000);
});
