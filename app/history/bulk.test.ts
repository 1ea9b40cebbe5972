import { describe, expect, it } from "vitest";
import { OrderPayloadSchema } from "../orders/schemas";
import { BulkFileError, historyBulkQuery, monthsBefore, readHistoryFile } from "./bulk";

async function* lines(...values: object[]) {
  for (const value of values) yield JSON.stringify(value);
}

const order = (n: number) => ({
  id: `gid://shopify/Order/${n}`,
  name: `#${n}`,
  createdAt: "2026-05-01T10:00:00Z",
  updatedAt: "2026-05-02T10:00:00Z",
  currencyCode: "EUR",
  tags: ["a", "b"],
  displayFinancialStatus: "PARTIALLY_REFUNDED",
  displayFulfillmentStatus: "PARTIALLY_FULFILLED",
  totalPriceSet: { shopMoney: { amount: "12.50" }, presentmentMoney: { amount: "13.00" } },
  customer: { id: "gid://shopify/Customer/9", email: "a@example.com" },
  fulfillments: [
    {
      id: `gid://shopify/Fulfillment/${n}`,
      status: "SUCCESS",
      displayStatus: "IN_TRANSIT",
      createdAt: "2026-05-02T09:00:00Z",
      updatedAt: "2026-05-02T10:00:00Z",
      trackingInfo: [{ company: "DHL Express", number: "JD0000", url: null }],
    },
  ],
});
const item = (parent: number, n: number) => ({
  id: `gid://shopify/LineItem/${n}`,
  title: "Mug",
  quantity: 2,
  product: { id: "gid://shopify/Product/5" },
  originalUnitPriceSet: { shopMoney: { amount: "5.00" } },
  __parentId: `gid://shopify/Order/${parent}`,
});

async function all<T>(source: AsyncIterable<T>) {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}

describe("the history file", () => {
  it("reads a grouped file one order at a time, in the orders/* webhook shape", async () => {
    const read = await all(readHistoryFile(lines(order(1), item(1, 11), item(1, 12), order(2))));
    expect(read.map((entry) => entry.lastLine)).toEqual([3, 4]);
    const [first] = read;
    const payload = OrderPayloadSchema.parse(first!.order);
    expect(payload).toMatchObject({
      id: "1",
      currency: "EUR",
      tags: "a, b",
      financial_status: "partially_refunded",
      fulfillment_status: "partial",
      total_price: "12.50",
      customer: { id: "9", email: "a@example.com" },
    });
    expect(payload.line_items.map((line) => [line.id, line.product_id, line.quantity])).toEqual([
      ["11", "5", 2],
      ["12", "5", 2],
    ]);
    expect(first!.order.fulfillments[0]).toMatchObject({
      id: "1",
      order_id: "1",
      status: "success",
      shipment_status: "in_transit",
      tracking_company: "DHL Express",
      tracking_numbers: ["JD0000"],
    });
  });

  it("resumes after the lines already read", async () => {
    const read = await all(readHistoryFile(lines(order(1), item(1, 11), order(2), item(2, 21)), 2));
    expect(read.map((entry) => entry.order.id)).toEqual(["2"]);
  });

  it("refuses a line item that does not follow its order, and a line that is not JSON", async () => {
    await expect(all(readHistoryFile(lines(order(1), order(2), item(1, 11))))).rejects.toThrow(
      BulkFileError,
    );
    async function* broken() {
      yield "{not json";
    }
    await expect(all(readHistoryFile(broken()))).rejects.toThrow("line 1: not JSON");
  });

  it("asks for the orders created since the start of the window", () => {
    const since = monthsBefore(new Date("2026-12-06T03:00:00Z"), 12);
    expect(since.toISOString()).toBe("2025-12-06T03:00:00.000Z");
    expect(historyBulkQuery(since)).toContain(
      'orders(query: "created_at:>=2025-12-06T03:00:00.000Z")',
    );
  });
});
