import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { savePolicy } from "../../app/returns/returns.server";
import type { StandinDraftOrder } from "../../scripts/standin/admin/draft-orders";
import { adminDocument, adminFetch } from "../support/http";
import { form } from "./admin-support";
import {
  PLAN,
  SUNGLASSES,
  TORTOISE_VARIANT,
  photoOf,
  portal,
  returnableShop,
  store,
} from "./support";

/**
 * Issue #21 item 3: past the return window but within its warranty, the shopper claims the
 * sunglasses through the portal; the merchant sends a replacement, a zero-value order Shopify
 * creates from a draft order at 100 % off (draftOrderCreate, then draftOrderComplete).
 */

const claim = (fields: Record<string, unknown> = {}) => ({
  action: "claim",
  order: "9999",
  email: "jon@example.com",
  idempotencyKey: randomUUID(),
  lineItemId: SUNGLASSES,
  quantity: 1,
  description: "The left hinge snapped after two months of normal use.",
  photos: [photoOf(SUNGLASSES)],
  ...fields,
});

describe("warranty claims", () => {
  it("a claim filed in the portal ends in a replacement order at no charge", async () => {
    // The sunglasses were bought as the Tortoise variant (the fixture names no variant).
    const shop = await returnableShop("returns-warranty", {
      variant_id: Number(TORTOISE_VARIANT),
    });
    // The 0-day window closed at fulfillment; eyewear carries a one-year warranty.
    await savePolicy(shop, {
      windowDays: 0,
      deliveryBufferDays: 0,
      warranties: [{ id: "eyewear", name: "1-year warranty", days: 365, productTags: ["eyewear"] }],
    });

    const lookup = await portal(shop, {
      action: "lookup",
      order: "9999",
      email: "jon@example.com",
    });
    expect(lookup.status).toBe(200);
    const options = (await lookup.json()) as {
      lines: {
        lineItemId: string;
        eligible: boolean;
        warranty: { name: string; claimable: boolean } | null;
      }[];
    };
    const sunglasses = options.lines.find((line) => line.lineItemId === SUNGLASSES)!;
    expect(sunglasses.eligible).toBe(false);
    expect(sunglasses.warranty).toMatchObject({ name: "1-year warranty", claimable: true });
    expect(options.lines.find((line) => line.lineItemId === PLAN)!.warranty).toBeNull();

    const uncovered = await portal(shop, claim({ lineItemId: PLAN, photos: [photoOf(PLAN)] }));
    expect(uncovered.status).toBe(422);
    expect(await uncovered.text()).toContain("No warranty covers this item");
    expect((await portal(shop, claim({ photos: [] }))).status).toBe(400);

    const body = claim();
    const filed = await portal(shop, body);
    expect(filed.status).toBe(201);
    const { returnId } = (await filed.json()) as { returnId: string };
    // The same submission again finds the same claim.
    expect(await (await portal(shop, body)).json()).toEqual({ returnId, repeated: true });
    const stored = await db.returnRequest.findUniqueOrThrow({
      where: { id: returnId },
      include: { lines: true, photos: true },
    });
    expect(stored).toMatchObject({ kind: "warranty", status: "requested", totalAmount: 0 });
    expect(stored.lines).toHaveLength(1);
    expect(stored.lines[0]).toMatchObject({ reason: "warranty", quantity: 1 });
    expect(stored.photos).toHaveLength(1);

    // The queue's type filter.
    const listed = async (kind: string) =>
      (await (await adminDocument(shop, `/app/returns?kind=${kind}`)).text()).includes(returnId);
    expect(await listed("warranty")).toBe(true);
    expect(await listed("return")).toBe(false);
    const page = await (await adminDocument(shop, `/app/returns/${returnId}`)).text();
    expect(page).toContain("Warranty claim for #9999");
    expect(page).toContain("Send a replacement");

    const decide = () =>
      adminFetch(
        shop,
        `/app/returns/${returnId}.data`,
        form({ intent: "decide", outcome: "replace" }),
      );
    expect((await decide()).status).toBe(200);
    // A second click orders nothing more.
    const again = await decide();
    expect(again.status).toBe(200);

    const drafts = await store<StandinDraftOrder[]>(shop, "draftOrders");
    expect(drafts).toHaveLength(1);
    const [draft] = drafts;
    expect(draft).toMatchObject({
      status: "COMPLETED",
      email: "jon@example.com",
      customerId: "gid://shopify/Customer/115310627314723954",
      lines: [{ variantId: `gid://shopify/ProductVariant/${TORTOISE_VARIANT}`, quantity: 1 }],
      appliedDiscount: { value: 100, valueType: "PERCENTAGE" },
      subtotal: 9499,
      discount: 9499,
      total: 0,
      tags: ["aftercare-warranty"],
    });
    expect(draft!.shippingAddress).toMatchObject({ address1: "123 Shipping Street", zip: "40003" });
    const closed = await db.returnRequest.findUniqueOrThrow({
      where: { id: returnId },
      include: { events: true, lines: true },
    });
    expect(closed).toMatchObject({
      status: "closed",
      claimOutcome: "replace",
      replacementOrderShopifyId: draft!.order!.id.split("/").pop(),
      replacementOrderName: draft!.order!.name,
    });
    expect(closed.lines[0]!.resolution).toBe("replace");
    expect(closed.events.filter((event) => event.kind === "claim_decided")).toHaveLength(1);
    // A claim is no Shopify return.
    expect((await store<unknown[] | null>(shop, "returns")) ?? []).toEqual([]);

    const customer = await db.customer.findFirstOrThrow({ where: { shopDomain: shop } });
    const record = await (await adminDocument(shop, `/app/customers/${customer.id}`)).text();
    expect(record).toContain("Warranty claim for #9999: 1 items");
    expect(record).toContain(
      `Warranty claim for #9999: closed (replace, order ${draft!.order!.name})`,
    );
  });

  it("the stand-in refuses what Shopify refuses in a draft order", async () => {
    const shop = await returnableShop("returns-warranty-strict", {
      variant_id: Number(TORTOISE_VARIANT),
    });
    await savePolicy(shop, {
      windowDays: 0,
      deliveryBufferDays: 0,
      warranties: [{ id: "all", name: "Warranty", days: 365 }],
    });
    // The variant bought is no longer in the catalog: Shopify cannot order it again.
    await store(shop, "catalog", []);
    const filed = await portal(shop, claim());
    expect(filed.status).toBe(201);
    const { returnId } = (await filed.json()) as { returnId: string };
    const refused = await adminFetch(
      shop,
      `/app/returns/${returnId}.data`,
      form({ intent: "decide", outcome: "replace" }),
    );
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Shopify refused: Product variant does not exist");
    // The claim is still undecided, and the merchant can choose another way.
    expect(await db.returnRequest.findUniqueOrThrow({ where: { id: returnId } })).toMatchObject({
      status: "requested",
      claimOutcome: null,
    });
    const repaired = await adminFetch(
      shop,
      `/app/returns/${returnId}.data`,
      form({ intent: "decide", outcome: "repair" }),
    );
    expect(repaired.status).toBe(200);
    expect((await store<unknown[] | null>(shop, "draftOrders")) ?? []).toEqual([]);
  });
});
