import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { adminDocument, adminFetch, appUrl, sendWebhook } from "../support/http";
import { installShop } from "../support/install";
import { waitFor } from "../support/wait";

async function parkedDelivery(shop: string) {
  const webhookId = randomUUID();
  await sendWebhook({ shop, topic: "orders/updated", body: '{"id": 5, "name": 12}', webhookId });
  return waitFor(async () => {
    const row = await db.webhookDelivery.findUnique({ where: { webhookId } });
    return row?.status === "parked" ? row : undefined;
  });
}

const replay = (shop: string, deliveryId: string) =>
  adminFetch(shop, "/app/operations.data", {
    method: "POST",
    body: new URLSearchParams({ intent: "replay", deliveryId }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });

describe("parked webhook deliveries in the admin", () => {
  it("lists them with their error", async () => {
    const shop = uniqueShop("parked-list");
    await installShop(shop);
    await parkedDelivery(shop);
    const page = await (await adminDocument(shop, "/app/operations")).text();
    expect(page).toContain("orders/updated");
    expect(page).toContain("parked");
    expect(page).toContain("payload rejected");
  });

  it("replays a parked delivery through its handlers again", async () => {
    const shop = uniqueShop("replay");
    await installShop(shop);
    const parked = await parkedDelivery(shop);
    const response = await replay(shop, parked.id);
    expect(response.status).toBe(200);
    const again = await waitFor(
      async () => {
        const row = await db.webhookDelivery.findUnique({ where: { id: parked.id } });
        return row?.status === "parked" && row.attempts === 2 ? row : undefined;
      },
      { message: "the replayed delivery to run and park again" },
    );
    expect(again.lastError).toMatch(/payload rejected/);
  });

  it("cannot replay another shop's delivery", async () => {
    const shop = uniqueShop("replay-owner");
    const intruder = uniqueShop("replay-intruder");
    await installShop(shop);
    await installShop(intruder);
    const parked = await parkedDelivery(shop);
    const response = await replay(intruder, parked.id);
    expect(response.status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.webhookDelivery.findUnique({ where: { id: parked.id } })).toMatchObject({
      status: "parked",
      attempts: 1,
    });
  });

  it("shows another shop's delivery to no one but its shop", async () => {
    const shop = uniqueShop("detail-owner");
    const intruder = uniqueShop("detail-intruder");
    await installShop(shop);
    await installShop(intruder);
    const parked = await parkedDelivery(shop);
    expect((await adminDocument(shop, `/app/operations/deliveries/${parked.id}`)).status).toBe(200);
    expect((await adminDocument(intruder, `/app/operations/deliveries/${parked.id}`)).status).toBe(
      404,
    );
  });
});

describe("the webhook backlog as JSON", () => {
  it("counts what the workers have yet to apply, for its own shop and only with an admin session", async () => {
    const shop = uniqueShop("backlog");
    const other = uniqueShop("backlog-other");
    await installShop(shop);
    await installShop(other);
    // A delivery held back from the workers: received, never claimed.
    await db.webhookDelivery.create({
      data: {
        shopDomain: shop,
        webhookId: randomUUID(),
        topic: "orders/updated",
        status: "received",
        payload: "{}",
      },
    });
    await parkedDelivery(shop);
    const backlog = async (domain: string) => {
      const response = await adminFetch(domain, "/app/operations/backlog");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/json");
      return (await response.json()) as Record<string, number>;
    };
    expect(await backlog(shop)).toMatchObject({ waiting: 1, received: 1, parked: 1 });
    expect(await backlog(other)).toMatchObject({ waiting: 0, received: 0, parked: 0 });
    const anonymous = await fetch(`${appUrl()}/app/operations/backlog`, { redirect: "manual" });
    expect(anonymous.status).not.toBe(200);
  });
});
