import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { installShop } from "../support/install";
import { SUNGLASSES, portal, shopWithFulfilledOrder, twoItems } from "./support";

describe("storefront returns portal (App Proxy)", () => {
  it("lists each line with the policy's explanation and amounts, then records the return once", async () => {
    const shop = await shopWithFulfilledOrder("returns-portal");
    const lookup = await portal(shop, {
      action: "lookup",
      order: "#9999",
      email: "Jon@Example.com",
    });
    expect(lookup.status).toBe(200);
    const options = (await lookup.json()) as {
      order: { name: string };
      lines: {
        lineItemId: string;
        eligible: boolean;
        explanations: string[];
        options: unknown[];
      }[];
    };
    expect(options.order.name).toBe("#9999");
    const sunglasses = options.lines.find((line) => line.lineItemId === SUNGLASSES);
    expect(sunglasses).toMatchObject({ eligible: true, explanations: ["Eligible"] });
    expect(sunglasses?.options).toContainEqual({
      resolution: "refund",
      amount: 8999,
      fee: 0,
      bonus: 0,
    });

    const body = twoItems();
    const created = await portal(shop, body);
    expect(created.status).toBe(201);
    const { returnId } = (await created.json()) as { returnId: string };
    const repeated = await portal(shop, body);
    expect(repeated.status).toBe(200);
    expect(await repeated.json()).toEqual({ returnId, repeated: true });
    const stored = await db.returnRequest.findMany({
      where: { shopDomain: shop },
      include: { lines: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.lines.map((line) => [line.resolution, line.amount]).sort()).toEqual([
      ["exchange", 8999],
      ["store_credit", 1999],
    ]);

    const again = await portal(shop, twoItems());
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({
      errors: [{ lineItemId: SUNGLASSES, message: "Not eligible: already returned" }, {}],
    });
  });

  it("answers a wrong email as it answers a missing order, and refuses another shop's order", async () => {
    const shop = await shopWithFulfilledOrder("returns-privacy");
    const wrongEmail = await portal(shop, { ...twoItems(), email: "mallory@example.com" });
    const missing = await portal(shop, { ...twoItems(), order: "424242" });
    expect(wrongEmail.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await wrongEmail.text()).toBe(await missing.text());

    const other = uniqueShop("returns-other");
    await installShop(other);
    expect((await portal(other, twoItems())).status).toBe(404);
    expect((await portal(shop, twoItems(), { secret: "not-the-app-secret" })).status).toBe(400);
    expect(await db.returnRequest.count({ where: { shopDomain: { in: [shop, other] } } })).toBe(0);
  });

  it("refuses tampered quantities, foreign lines and malformed input with a clear message", async () => {
    const shop = await shopWithFulfilledOrder("returns-tamper");
    const submit = (lines: unknown[]) => portal(shop, { ...twoItems(), lines });
    const tooMany = await submit([
      { lineItemId: SUNGLASSES, quantity: 5, reason: "unwanted", resolution: "refund" },
    ]);
    expect(tooMany.status).toBe(422);
    expect(await tooMany.json()).toMatchObject({
      errors: [{ message: "Not eligible: only 1 can be returned" }],
    });
    const foreign = await submit([
      { lineItemId: "111", quantity: 1, reason: "unwanted", resolution: "refund" },
    ]);
    expect(await foreign.json()).toMatchObject({
      errors: [{ message: "Not eligible: not part of this order" }],
    });
    // A price sent by the page is not part of the request: the server's price is the only one.
    const priced = await submit([
      {
        lineItemId: SUNGLASSES,
        quantity: 1,
        reason: "unwanted",
        resolution: "refund",
        unitPrice: 1,
      },
    ]);
    expect(priced.status).toBe(201);
    const line = await db.returnLine.findFirst({ where: { shopDomain: shop } });
    expect(line?.amount).toBe(8999);
    const malformed = await submit([{ lineItemId: SUNGLASSES, quantity: "lots" }]);
    expect(malformed.status).toBe(400);
  });
});
