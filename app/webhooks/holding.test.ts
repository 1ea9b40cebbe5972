import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { webhookFixture } from "../../tests/support/fixtures";
import { db } from "../db.server";
import { admit } from "./admission";
import { recordDeliveries, type IncomingDelivery } from "./inbox.server";
import { expireHeldDeliveries, processWebhook, releaseHeld } from "./jobs.server";

const HOUR_MS = 3_600_000;
const shop = (label: string) => `${label}-${randomUUID().slice(0, 8)}.myshopify.com`;

async function store(delivery: Partial<IncomingDelivery> & { shopDomain: string }) {
  const incoming: IncomingDelivery = {
    webhookId: randomUUID(),
    topic: "orders/create",
    apiVersion: "2026-10",
    eventId: null,
    triggeredAt: null,
    payload: webhookFixture("orders/create"),
    status: "held",
    ...delivery,
  };
  const stored = await recordDeliveries([incoming]);
  return stored.get(incoming.webhookId)!;
}

const row = (id: string) => db.webhookDelivery.findUnique({ where: { id } });

describe("admitting a delivery by its shop's installation", () => {
  it("runs an installed shop's, holds a never-installed shop's, and after an uninstall runs only compliance topics", () => {
    expect(admit("orders/create", "installed", true)).toEqual({
      status: "received",
      keepPayload: true,
    });
    expect(admit("orders/create", undefined, true)).toEqual({ status: "held", keepPayload: true });
    expect(admit("shop/redact", undefined, true)).toEqual({ status: "held", keepPayload: true });
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"])
      expect(admit(topic, "uninstalled", true)).toEqual({ status: "received", keepPayload: true });
    for (const topic of ["orders/create", "app/uninstalled", "app/scopes_update"])
      expect(admit(topic, "uninstalled", true)).toEqual({ status: "ignored", keepPayload: false });
    expect(admit("collections/create", "installed", false)).toEqual({
      status: "ignored",
      keepPayload: true,
    });
    expect(admit("collections/create", undefined, false).keepPayload).toBe(false);
  });
});

describe("held deliveries", () => {
  it("are purged with their payload once the hold window (48 h by default) has passed", async () => {
    const domain = shop("never-installed");
    const old = await store({ shopDomain: domain });
    const recent = await store({ shopDomain: domain });
    const now = new Date();
    await db.webhookDelivery.update({
      where: { id: old },
      data: { receivedAt: new Date(now.getTime() - 48 * HOUR_MS - 1000) },
    });
    await db.webhookDelivery.update({
      where: { id: recent },
      data: { receivedAt: new Date(now.getTime() - 47 * HOUR_MS) },
    });

    expect(await expireHeldDeliveries(now)).toBeGreaterThanOrEqual(1);
    expect(await row(old)).toBeNull();
    expect(await row(recent)).toMatchObject({ status: "held" });

    await expireHeldDeliveries(new Date(now.getTime() + 2 * HOUR_MS));
    expect(await row(recent)).toBeNull();
    expect(
      await db.webhookDelivery.count({
        where: { payload: { contains: "820982911946154508" }, shopDomain: domain },
      }),
    ).toBe(0);
  });

  it("run in the order Shopify triggered them when released, received order breaking ties", async () => {
    const domain = shop("released");
    const at = Date.now() - HOUR_MS;
    const product = webhookFixture("products/update");
    const deleted = await store({
      shopDomain: domain,
      topic: "products/delete",
      payload: '{"id":788032119674292922}',
      triggeredAt: new Date(at + 2000),
    });
    const mirrored = await store({
      shopDomain: domain,
      topic: "products/update",
      payload: product,
      triggeredAt: new Date(at + 1000),
    });
    await db.shop.create({ data: { domain } });

    await releaseHeld.run({ shop: domain }, { jobId: "test", retryCount: 0, isLastAttempt: true });
    expect(await row(mirrored)).toMatchObject({ status: "processed", attempts: 1 });
    expect(await row(deleted)).toMatchObject({ status: "processed", attempts: 1 });
    expect(await db.recommendationProduct.count({ where: { shopDomain: domain } })).toBe(0);
  });
});

describe("processing a delivery stored while its shop was installed", () => {
  it("records it without payload, running nothing, when the shop uninstalled in between", async () => {
    const domain = shop("uninstalled-since");
    await db.shop.create({ data: { domain, uninstalledAt: new Date() } });
    const id = await store({ shopDomain: domain, status: "received" });

    await processWebhook.run(
      { deliveryId: id, shop: domain },
      { jobId: "test", retryCount: 0, isLastAttempt: false },
    );
    expect(await row(id)).toMatchObject({ status: "ignored", payload: null });
    expect(await db.order.count({ where: { shopDomain: domain } })).toBe(0);
  });

  it("puts it back on hold when the shop is not installed yet", async () => {
    const domain = shop("not-yet");
    const id = await store({ shopDomain: domain, status: "received" });

    await processWebhook.run(
      { deliveryId: id, shop: domain },
      { jobId: "test", retryCount: 0, isLastAttempt: false },
    );
    expect(await row(id)).toMatchObject({ status: "held" });
    expect(await db.order.count({ where: { shopDomain: domain } })).toBe(0);
  });
});
