import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { captureChanges } from "../../app/analytics/capture.server";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { adminDocument, adminFetch } from "../support/http";
import { installShop } from "../support/install";

/** Around the returns below in any shop time zone (UTC−12 … UTC+14). */
const RANGE = "from=2026-11-09&to=2026-11-11";
const EMPTY_RANGE = "from=2026-10-01&to=2026-10-03";

async function aReturn(
  shopDomain: string,
  hours: { requested: string; processed: string },
  line: { variantTitle: string; quantity: number; amount: number; resolution: string },
) {
  await db.returnRequest.create({
    data: {
      shopDomain,
      orderShopifyId: "820982911946154508",
      orderName: "#9999",
      idempotencyKey: randomUUID(),
      currency: "USD",
      status: "closed",
      requestedAt: new Date(hours.requested),
      processedAt: new Date(hours.processed),
      lines: {
        create: [
          {
            shopDomain,
            lineItemShopifyId: randomUUID(),
            title: "Aviator sunglasses",
            reason: "quality",
            unitPrice: line.amount / line.quantity,
            ...line,
          },
        ],
      },
    },
  });
}

const exportCsv = async (shop: string, table: string, range = RANGE) => {
  const response = await adminFetch(shop, `/app/dashboard/export?table=${table}&${range}`);
  expect(response.status).toBe(200);
  return response.text();
};

describe("the dashboard's return figures", () => {
  it("shows returns by variant and by resolution and the time to refund, and exports them as CSV", async () => {
    const shop = uniqueShop("dashboard-returns");
    await installShop(shop);
    // Exchanged 6 h after the request; refunded 72 h after it.
    await aReturn(
      shop,
      { requested: "2026-11-10T10:00:00Z", processed: "2026-11-10T16:00:00Z" },
      { variantTitle: "Black", quantity: 1, amount: 9000, resolution: "exchange" },
    );
    await aReturn(
      shop,
      { requested: "2026-11-10T11:00:00Z", processed: "2026-11-13T11:00:00Z" },
      { variantTitle: "Tortoise", quantity: 3, amount: 27000, resolution: "refund" },
    );
    await captureChanges(shop);

    const page = await (await adminDocument(shop, `/app?${RANGE}`)).text();
    for (const text of [
      "Returns by variant",
      "Aviator sunglasses / Black",
      "Aviator sunglasses / Tortoise",
      "Returns by resolution",
      "Exchange",
      "Refund",
      "Revenue kept (exchanges and store credit): $90.00, 25% of the returned value; refunded: $270.00.",
      "Time to refund",
      "median 6 h, p90 3.0 days, 2 processed returns",
    ]) {
      expect(page, text).toContain(text);
    }

    expect(await exportCsv(shop, "return-variants")).toBe(
      [
        "variant,returned_units,value_minor,delivered_units,return_rate",
        "Aviator sunglasses / Tortoise,3,27000,0,",
        "Aviator sunglasses / Black,1,9000,0,",
        "",
      ].join("\r\n"),
    );
    expect(await exportCsv(shop, "return-resolutions")).toBe(
      [
        "resolution,units,value_minor,share_of_value,revenue_kept",
        "refund,3,27000,0.75,no",
        "exchange,1,9000,0.25,yes",
        "",
      ].join("\r\n"),
    );
    expect(await exportCsv(shop, "kpis")).toMatch(/\r\nrefund_p90_hours,72,\r\n/);

    // A range without returns: each return table says so, and the refund time what it waits for.
    const empty = await (await adminDocument(shop, `/app?${EMPTY_RANGE}`)).text();
    expect(empty.match(/No returns were requested in this period\./g)).toHaveLength(4);
    expect(empty).toContain("Appears once a return requested in the period has been processed.");
    expect(await exportCsv(shop, "return-resolutions", EMPTY_RANGE)).toBe(
      "resolution,units,value_minor,share_of_value,revenue_kept\r\n",
    );
  }, 60_000);
});
