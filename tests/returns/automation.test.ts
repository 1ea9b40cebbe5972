import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { returnsAutonomy } from "../../app/returns/index.server";
import { savePolicy } from "../../app/returns/returns.server";
import { uniqueShop } from "../support/constants";
import { adminDocument, adminFetch, standinUrl } from "../support/http";
import { installShop } from "../support/install";
import { form } from "./admin-support";
import { waitFor } from "../support/wait";
import { PLAN, SUNGLASSES, returnableShop, store, submitted, twoItems } from "./support";

/**
 * Issue #21 "Done when": a return advances to received and refunds from simulated carrier scans
 * alone. The scans are EasyPost's tracker.updated events (statuses from
 * https://docs.easypost.com/docs/trackers#tracking-statuses), sent signed by the stand-in's
 * EasyPost to the built app; nobody acts on the return after its label.
 */

async function advanceTracker(trackingCode: string, step: Record<string, unknown>) {
  const trackers = (await (
    await fetch(`${standinUrl()}/__standin/easypost/trackers?tracking_code=${trackingCode}`)
  ).json()) as { id: string }[];
  expect(trackers).toHaveLength(1);
  const response = await fetch(
    `${standinUrl()}/__standin/easypost/trackers/${trackers[0]!.id}/advance`,
    { method: "POST", body: JSON.stringify(step) },
  );
  return ((await response.json()) as { delivered: number[] }).delivered;
}

/** The merchant connects EasyPost under Shipments → Tracking settings (labels and tracking). */
async function connectEasyPost(shop: string) {
  const connected = await adminFetch(shop, "/app/shipments/settings.data", {
    method: "POST",
    body: new URLSearchParams({ provider: "easypost", easypostApiKey: `EZTK${shop.length}auto` }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(connected.status).toBe(200);
}

/** Waits until the label's parcel is followed through EasyPost, so its scans find it. */
async function trackedThroughEasyPost(shop: string, trackingNumber: string) {
  await waitFor(
    async () =>
      (await db.trackingShipment.findFirst({
        where: { shopDomain: shop, trackingNumber, providerRef: { not: null } },
      })) ?? undefined,
    { message: "return parcel tracked through EasyPost" },
  );
}

/** A portal return in `shop` with its EasyPost label, the parcel tracked through EasyPost. */
async function labelled(shop: string) {
  await connectEasyPost(shop);
  const request = await submitted(shop);
  // Through the admin, as the merchant does: a call from this process would write to the
  // embedded database beside the app's own process, which SQLite may refuse mid-transaction.
  const issued = await adminFetch(
    shop,
    `/app/returns/${request.id}.data`,
    form({ intent: "issue_label" }),
  );
  expect(issued.status).toBe(200);
  const label = await db.returnLabel.findFirstOrThrow({ where: { returnId: request.id } });
  await trackedThroughEasyPost(shop, label.trackingNumber);

  return { ...request, label };
}

/** A portal return of one of the fixture order's lines, for a refund. */
function oneItem(lineItemId: string, reason: string) {
  const body = twoItems();
  body.lines = [{ lineItemId, quantity: 1, reason, resolution: "refund" }];
  return body;
}

/** The label the policy bought for the return, once bought and given to Shopify. */
const boughtLabel = (returnId: string) =>
  waitFor(
    async () =>
      (await db.returnLabel.findFirst({
        where: { returnId, reverseDeliveryShopifyId: { not: null } },
      })) ?? undefined,
    { message: "label bought on approval", timeout: 60_000 },
  );

/** EasyPost's first scan of the return parcel (docs.easypost.com/docs/trackers#tracking-statuses). */
const FIRST_SCAN = {
  status: "in_transit",
  status_detail: "arrived_at_facility",
  message: "Arrived at USPS Facility",
  city: "COLUMBIA",
  state: "SC",
  country: "US",
};

describe("returns that move themselves", () => {
  it("goes in transit on the first scan, received on delivery, then refunds by itself", async () => {
    const shop = await returnableShop("returns-auto");
    await savePolicy(shop, { automation: { refundOn: "received", refundDelayHours: 0 } });
    const request = await labelled(shop);
    const label = request.label;
    expect(
      await advanceTracker(label.trackingNumber, {
        status: "in_transit",
        status_detail: "arrived_at_facility",
        message: "Arrived at USPS Facility",
        city: "COLUMBIA",
        state: "SC",
        country: "US",
      }),
    ).toEqual([200]);
    await waitFor(
      async () =>
        (await db.returnRequest.findFirst({ where: { id: request.id, status: "in_transit" } })) ??
        undefined,
      { message: "return in transit after the first scan" },
    );
    // The policy refunds on receipt: a first scan schedules nothing.
    expect(await db.returnAutoRefund.count({ where: { returnId: request.id } })).toBe(0);

    expect(
      await advanceTracker(label.trackingNumber, {
        status: "delivered",
        status_detail: "arrived_at_destination",
        message: "Delivered",
        city: "OTTAWA",
        state: "ON",
        country: "CA",
      }),
    ).toEqual([200]);
    const closed = await waitFor(
      async () =>
        (await db.returnRequest.findFirst({
          where: { id: request.id, status: "closed" },
          include: { events: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] } },
        })) ?? undefined,
      { message: "return refunded automatically", timeout: 60_000 },
    );
    expect(closed.receivedAt).not.toBeNull();
    const automatic = closed.events.filter((event) => event.actor === "system");
    expect(automatic.map((event) => event.kind)).toEqual([
      "in_transit",
      "received",
      "refund_scheduled",
      "processed",
    ]);
    expect(
      closed.events.some((event) => event.actor === "merchant" && event.kind !== "label_issued"),
    ).toBe(false);
    const refund = await waitFor(
      async () =>
        (await db.returnAutoRefund.findFirst({ where: { returnId: request.id, state: "done" } })) ??
        undefined,
      { message: "automatic refund marked done" },
    );
    expect(refund.trigger).toBe("received");
    // Each automatic step announced itself once, in the transaction that made it.
    const published = await db.outboxEvent.findMany({
      where: { aggregate: "return", aggregateId: request.id },
      orderBy: { sequence: "asc" },
    });
    expect(published.map((event) => event.type)).toEqual([
      "return.requested",
      "return.approved",
      "return.in_transit",
      "return.received",
      "return.closed",
      "return.refunded",
    ]);
    const [shopifyReturn] = await store<{ status: string; processed: unknown[] }[]>(
      shop,
      "returns",
    );
    expect(shopifyReturn!.status).toBe("CLOSED");
    expect(shopifyReturn!.processed).toHaveLength(1);
  });

  it("holds a serial returner's quick refund for the merchant (abuse signals in the policy)", async () => {
    // The fixture is a test order, which no rate counts: this customer's order is a real one.
    const shop = await returnableShop("returns-auto-hold", { test: false });
    await savePolicy(shop, {
      automation: { refundOn: "first_scan", refundDelayHours: 0 },
      abuse: { serialReturnerMinReturns: 1, serialReturnerMinRate: 1 },
      rules: [
        {
          id: "serial",
          name: "Serial returners",
          when: { serialReturner: true },
          then: { holdAutomaticRefund: true },
        },
      ],
    });
    const request = await labelled(shop);
    expect(
      await advanceTracker(request.label.trackingNumber, {
        status: "in_transit",
        status_detail: "arrived_at_facility",
        message: "Arrived at USPS Facility",
        city: "COLUMBIA",
        state: "SC",
        country: "US",
      }),
    ).toEqual([200]);
    const held = await waitFor(
      async () =>
        (await db.returnEvent.findFirst({
          where: { returnId: request.id, kind: "refund_held" },
        })) ?? undefined,
      { message: "refund held on the first scan" },
    );
    expect(held).toMatchObject({
      actor: "system",
      detail: "Refund waits for the merchant: Serial returners (return policy)",
    });
    expect(await db.returnAutoRefund.count({ where: { returnId: request.id } })).toBe(0);
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "in_transit",
    );
  });

  it("shows a scheduled quick refund with when and why, and the merchant undoes it from the return's page", async () => {
    const shop = await returnableShop("returns-auto-undo");
    await savePolicy(shop, { automation: { refundOn: "first_scan", refundDelayHours: 24 } });
    const request = await labelled(shop);
    await advanceTracker(request.label.trackingNumber, FIRST_SCAN);
    const scheduled = await waitFor(
      async () =>
        (await db.returnAutoRefund.findFirst({
          where: { returnId: request.id, state: "scheduled" },
        })) ?? undefined,
      { message: "quick refund scheduled on the first scan" },
    );
    expect(scheduled.trigger).toBe("first_scan");

    const page = await (await adminDocument(shop, `/app/returns/${request.id}`)).text();
    expect(page).toContain("Quick refund on the carrier&#x27;s first scan");
    expect(page).toContain("Sends the refund and store credit to Shopify");
    expect(page).toContain("Undo automatic refund");

    // Another shop's admin cannot undo it, nor learn anything about it.
    const other = uniqueShop("returns-auto-undo-other");
    await installShop(other);
    const undo = form({ intent: "undo_automatic_refund" });
    expect((await adminFetch(other, `/app/returns/${request.id}.data`, undo)).status).toBe(404);
    expect(
      (await db.returnAutoRefund.findUniqueOrThrow({ where: { id: scheduled.id } })).state,
    ).toBe("scheduled");

    for (let click = 0; click < 2; click += 1) {
      const response = await adminFetch(shop, `/app/returns/${request.id}.data`, undo);
      expect(response.status).toBe(200);
    }
    expect(
      (await db.returnAutoRefund.findUniqueOrThrow({ where: { id: scheduled.id } })).state,
    ).toBe("cancelled");
    const cancelled = await db.returnEvent.findMany({
      where: { returnId: request.id, kind: "refund_cancelled" },
    });
    expect(cancelled.map((event) => event.actor)).toEqual(["merchant"]);
    const after = await (await adminDocument(shop, `/app/returns/${request.id}`)).text();
    expect(after).toContain("Undone: the return waits for you to process it.");
    expect(after).not.toContain("Undo automatic refund");
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe(
      "in_transit",
    );
  });

  it("buys an approved return's label itself, and counts only the return nobody clicked as completed without the merchant", async () => {
    const shop = await returnableShop("returns-auto-label");
    await savePolicy(shop, {
      automation: { refundOn: "first_scan", refundDelayHours: 0, issueLabelOnApproval: true },
    });
    await connectEasyPost(shop);
    // Both are approved by the policy at once (no photos needed), so both get their labels.
    const byItself = await submitted(shop, oneItem(PLAN, "unwanted"));
    const clicked = await submitted(shop, oneItem(SUNGLASSES, "size-too-large"));
    const label = await boughtLabel(byItself.id);
    await boughtLabel(clicked.id);
    const bought = await db.returnEvent.findMany({
      where: { returnId: { in: [byItself.id, clicked.id] }, kind: "label_issued" },
    });
    expect(bought.map((event) => event.actor)).toEqual(["system", "system"]);
    const inShopify = await store<{ reverseDeliveries: unknown[] }[]>(shop, "returns");
    expect(inShopify.map((entry) => entry.reverseDeliveries.length)).toEqual([1, 1]);

    await trackedThroughEasyPost(shop, label.trackingNumber);
    expect(await advanceTracker(label.trackingNumber, FIRST_SCAN)).toEqual([200]);
    // The other one the merchant processes from its page before its parcel is ever scanned.
    const processed = await adminFetch(
      shop,
      `/app/returns/${clicked.id}.data`,
      form({ intent: "process" }),
    );
    expect(processed.status).toBe(200);
    await waitFor(
      async () =>
        (await db.returnRequest.count({
          where: { id: { in: [byItself.id, clicked.id] }, status: "closed" },
        })) === 2,
      { message: "both returns closed", timeout: 60_000 },
    );

    expect(await returnsAutonomy(shop)).toEqual({
      shopDomain: shop,
      total: 2,
      completed: 2,
      completedWithoutMerchant: 1,
    });
  });

  it("refuses to undo an automatic refund that has reached Shopify", async () => {
    const shop = await returnableShop("returns-auto-sent");
    await savePolicy(shop, { automation: { refundOn: "first_scan", refundDelayHours: 0 } });
    const request = await labelled(shop);
    await advanceTracker(request.label.trackingNumber, FIRST_SCAN);
    await waitFor(
      async () =>
        (await db.returnAutoRefund.findFirst({ where: { returnId: request.id, state: "done" } })) ??
        undefined,
      { message: "quick refund sent to Shopify", timeout: 60_000 },
    );
    const response = await adminFetch(
      shop,
      `/app/returns/${request.id}.data`,
      form({ intent: "undo_automatic_refund" }),
    );
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      "The automatic refund has already been sent to Shopify and can no longer be undone",
    );
    const page = await (await adminDocument(shop, `/app/returns/${request.id}`)).text();
    expect(page).toContain("Sent to Shopify; it can no longer be undone.");
    expect(page).not.toContain("Undo automatic refund");
    const [shopifyReturn] = await store<{ status: string }[]>(shop, "returns");
    expect(shopifyReturn!.status).toBe("CLOSED");
  });
});
