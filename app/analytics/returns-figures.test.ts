import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { dashboard } from "./dashboard.server";
import { refreshDays } from "./rollups.server";
import { dashboardTable } from "./tables";
import { kpiCards } from "./view";

/**
 * The dashboard's return inputs (PRODUCT.md: return rate by product and by reason; issue #21:
 * by variant, exchanges vs refunds, time to refund) on four returns whose figures are worked out
 * by hand below.
 */

const DAY = "2026-11-10";
const at = (iso: string) => new Date(`${iso}Z`);

async function aReturn(
  shopDomain: string,
  request: { status: string; requestedAt: Date; processedAt?: Date },
  lines: {
    title: string;
    variantTitle: string | null;
    quantity: number;
    amount: number;
    reason: string;
    resolution: string;
  }[],
) {
  await db.returnRequest.create({
    data: {
      shopDomain,
      orderShopifyId: "820982911946154508",
      orderName: "#9999",
      idempotencyKey: randomUUID(),
      currency: "USD",
      ...request,
      lines: {
        create: lines.map((line) => ({
          shopDomain,
          lineItemShopifyId: randomUUID(),
          unitPrice: line.amount / line.quantity,
          ...line,
        })),
      },
    },
  });
}

describe("the dashboard's return inputs", () => {
  it("gives rates by product and variant, value by resolution and the median and p90 time to refund", async () => {
    const shop = `returns-kpi-${randomUUID().slice(0, 8)}.myshopify.com`;
    const black = { title: "Aviator sunglasses", variantTitle: "Black" };
    const tortoise = { title: "Aviator sunglasses", variantTitle: "Tortoise" };
    const hat = { title: "Hat", variantTitle: null };
    // Refunded 24 h after the request: one exchanged, two refunded.
    await aReturn(
      shop,
      {
        status: "closed",
        requestedAt: at(`${DAY}T10:00:00`),
        processedAt: at("2026-11-11T10:00:00"),
      },
      [
        { ...black, quantity: 1, amount: 9000, reason: "size-too-small", resolution: "exchange" },
        { ...tortoise, quantity: 2, amount: 18000, reason: "quality", resolution: "refund" },
      ],
    );
    // Refunded 6 h after the request, as store credit.
    await aReturn(
      shop,
      { status: "closed", requestedAt: at(`${DAY}T12:00:00`), processedAt: at(`${DAY}T18:00:00`) },
      [{ ...hat, quantity: 1, amount: 3000, reason: "unwanted", resolution: "store_credit" }],
    );
    // Not refunded yet.
    await aReturn(shop, { status: "open", requestedAt: at(`${DAY}T13:00:00`) }, [
      { ...black, quantity: 1, amount: 9000, reason: "size-too-small", resolution: "refund" },
    ]);
    // Declined: no return at all.
    await aReturn(shop, { status: "declined", requestedAt: at(`${DAY}T14:00:00`) }, [
      { ...hat, quantity: 5, amount: 15000, reason: "unwanted", resolution: "refund" },
    ]);
    await refreshDays(shop, [DAY], "UTC");

    const { current } = await dashboard(shop, { from: DAY, to: DAY }, "USD", at(`${DAY}T23:00:00`));
    const returns = current.returns;
    const byName = <T extends { units: number }>(rows: T[], name: (row: T) => string) =>
      Object.fromEntries(rows.map((row) => [name(row), row]));

    expect(returns.units).toBe(5); // 1 + 2 + 1 + 1
    expect(returns.value).toBe(39_000); // 9,000 + 18,000 + 3,000 + 9,000
    expect(byName(returns.byProduct, (row) => row.product)).toEqual({
      "Aviator sunglasses": {
        product: "Aviator sunglasses",
        units: 4,
        value: 36_000,
        deliveredUnits: 0,
        rate: null,
      },
      Hat: { product: "Hat", units: 1, value: 3_000, deliveredUnits: 0, rate: null },
    });
    expect(byName(returns.byVariant, (row) => row.variant)).toEqual({
      "Aviator sunglasses / Black": {
        variant: "Aviator sunglasses / Black",
        units: 2,
        value: 18_000,
        deliveredUnits: 0,
        rate: null,
      },
      "Aviator sunglasses / Tortoise": {
        variant: "Aviator sunglasses / Tortoise",
        units: 2,
        value: 18_000,
        deliveredUnits: 0,
        rate: null,
      },
      Hat: { variant: "Hat", units: 1, value: 3_000, deliveredUnits: 0, rate: null },
    });
    expect(byName(returns.byReason, (row) => row.reason)).toEqual({
      "size-too-small": { reason: "size-too-small", units: 2, value: 18_000, share: 2 / 5 },
      quality: { reason: "quality", units: 2, value: 18_000, share: 2 / 5 },
      unwanted: { reason: "unwanted", units: 1, value: 3_000, share: 1 / 5 },
    });
    expect(byName(returns.byResolution, (row) => row.resolution)).toEqual({
      refund: { resolution: "refund", units: 3, value: 27_000, share: 27 / 39, kept: false },
      exchange: { resolution: "exchange", units: 1, value: 9_000, share: 9 / 39, kept: true },
      store_credit: {
        resolution: "store_credit",
        units: 1,
        value: 3_000,
        share: 3 / 39,
        kept: true,
      },
    });
    // Revenue kept: the exchange and the store credit, 12,000 of 39,000.
    expect(returns.keptValue).toBe(12_000);
    expect(returns.keptShare).toBe(12 / 39);
    // Two refunded, after 6 h and 24 h: the nearest-rank median (rank ⌈0.5 × 2⌉ = 1) is 6 h,
    // the p90 (rank ⌈0.9 × 2⌉ = 2) 24 h.
    expect(returns.refunded).toBe(2);
    expect(returns.medianRefundHours).toBe(6);
    expect(returns.p90RefundHours).toBe(24);
  });

  it("shows them on the dashboard and in its CSV exports", async () => {
    const shop = `returns-view-${randomUUID().slice(0, 8)}.myshopify.com`;
    const black = { title: "Aviator sunglasses", variantTitle: "Black" };
    await aReturn(
      shop,
      { status: "closed", requestedAt: at(`${DAY}T10:00:00`), processedAt: at(`${DAY}T16:00:00`) },
      [{ ...black, quantity: 1, amount: 9000, reason: "quality", resolution: "exchange" }],
    );
    await aReturn(
      shop,
      {
        status: "closed",
        requestedAt: at(`${DAY}T11:00:00`),
        processedAt: at("2026-11-13T11:00:00"),
      },
      [{ ...black, quantity: 3, amount: 27000, reason: "quality", resolution: "refund" }],
    );
    await refreshDays(shop, [DAY], "UTC");
    const data = await dashboard(shop, { from: DAY, to: DAY }, "USD", at(`${DAY}T23:00:00`));

    expect(dashboardTable(data, "return-variants")).toEqual({
      headers: ["variant", "returned_units", "value_minor", "delivered_units", "return_rate"],
      rows: [["Aviator sunglasses / Black", 4, 36_000, 0, null]],
    });
    expect(dashboardTable(data, "return-resolutions")).toEqual({
      headers: ["resolution", "units", "value_minor", "share_of_value", "revenue_kept"],
      rows: [
        ["refund", 3, 27_000, 0.75, "no"],
        ["exchange", 1, 9_000, 0.25, "yes"],
      ],
    });
    const kpis = new Map(
      dashboardTable(data, "kpis").rows.map(([name, now, then]) => [name, [now, then]]),
    );
    expect(kpis.get("revenue_kept_minor")).toEqual([9_000, 0]);
    expect(kpis.get("revenue_kept_share")).toEqual([0.25, null]);
    expect(kpis.get("refunded_returns")).toEqual([2, 0]);
    expect(kpis.get("refund_median_hours")).toEqual([6, null]);
    expect(kpis.get("refund_p90_hours")).toEqual([72, null]);

    // 6 h and 72 h: under two days in hours, beyond in days.
    const card = kpiCards(data, "en", "USD").find((kpi) => kpi.key === "kpiRefundTime");
    expect(card).toMatchObject({
      label: "Time to refund",
      value: "6 h",
      detail: "median 6 h, p90 3.0 days, 2 processed returns",
    });
    expect(card?.definition).toMatch(/from a shopper's return request to its processing/);
    const french = kpiCards(data, "fr", "USD").find((kpi) => kpi.key === "kpiRefundTime");
    expect(french?.label).toBe("Délai de remboursement");
  });
});
