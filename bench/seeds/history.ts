/**
 * The history import bench's work, in one process on DATABASE_URL (a fresh database). Prints one
 * JSON line.
 *
 * BENCH_HISTORY_ORDERS orders (3,000 by default, 2.5 per customer on average, each with two line items
 * and a delivered fulfillment) are written as the grouped JSONL file Shopify's bulk operation
 * produces and served over local HTTP; the import reads it as it does Shopify's file
 * (importHistoryFile: streamed line by line, batches of HISTORY_BATCH through the orders/*
 * webhooks' rules, each batch in one transaction). The floor is the same file downloaded and parsed into the same payloads,
 * with no writes. Peak RSS shows the file is never held whole. CPU is this process's alone: on
 * PostgreSQL the database server's share is not in it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "../../app/db.server";
import { readHistoryFile } from "../../app/history/bulk";
import { importHistoryFile } from "../../app/history/import.server";
import { bulkFileLines } from "../../app/platform/shopify/bulk-operations.server";

const ORDERS = Number(process.env.BENCH_HISTORY_ORDERS ?? 3_000);
const CUSTOMERS = Math.max(1, Math.round(ORDERS / 2.5));
const shop = "bench-history.myshopify.com";
const DAY = 86_400_000;

function* fileLines() {
  const now = Date.now();
  for (let n = 0; n < ORDERS; n++) {
    const created = new Date(now - ((n * 365) / ORDERS) * DAY - 3 * DAY).toISOString();
    const money = (amount: string) => ({
      shopMoney: { amount, currencyCode: "USD" },
      presentmentMoney: { amount, currencyCode: "USD" },
    });
    const id = `gid://shopify/Order/${1_000_000 + n}`;
    yield JSON.stringify({
      id,
      name: `#${1000 + n}`,
      email: `shopper${n % CUSTOMERS}@example.com`,
      createdAt: created,
      updatedAt: created,
      processedAt: created,
      currencyCode: "USD",
      test: false,
      tags: [],
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "FULFILLED",
      totalPriceSet: money("42.00"),
      subtotalPriceSet: money("42.00"),
      customer: {
        id: `gid://shopify/Customer/${2_000_000 + (n % CUSTOMERS)}`,
        email: `shopper${n % CUSTOMERS}@example.com`,
        firstName: "Past",
        lastName: `Shopper ${n % CUSTOMERS}`,
      },
      shippingAddress: { city: "Ottawa", provinceCode: "ON", countryCodeV2: "CA" },
      fulfillments: [
        {
          id: `gid://shopify/Fulfillment/${3_000_000 + n}`,
          status: "SUCCESS",
          displayStatus: "DELIVERED",
          createdAt: created,
          updatedAt: created,
          trackingInfo: [{ company: "UPS", number: `BENCH${n}`, url: null }],
        },
      ],
    });
    for (const line of [0, 1]) {
      yield JSON.stringify({
        id: `gid://shopify/LineItem/${4_000_000 + n * 2 + line}`,
        title: line ? "Sticker" : "Mug",
        quantity: 1,
        product: { id: `gid://shopify/Product/${500 + ((n + line) % 300)}` },
        originalUnitPriceSet: money(line ? "2.00" : "40.00"),
        __parentId: id,
      });
    }
  }
}

const server = createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "application/jsonl" });
  const lines = fileLines();
  const pump = () => {
    for (;;) {
      const next = lines.next();
      if (next.done) return void response.end();
      if (!response.write(`${next.value}\n`)) return void response.once("drain", pump);
    }
  };
  pump();
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/file.jsonl`;

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const memory = process.memoryUsage();
  peakRss = Math.max(peakRss, memory.rss);
  peakHeap = Math.max(peakHeap, memory.heapUsed);
}, 50);

/** This process's CPU seconds (user + system) since `since`: the HTTP server's share is tiny. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

let started = performance.now();
let cpuStart = process.cpuUsage();
let parsed = 0;
for await (const _entry of readHistoryFile(bulkFileLines(url))) parsed += 1;
const floorSeconds = (performance.now() - started) / 1000;
const floorCpu = cpuSeconds(cpuStart);

const row = await db.historyImport.create({
  data: { shopDomain: shop, months: 12, status: "importing", bulkOperationId: "bench" },
});
started = performance.now();
cpuStart = process.cpuUsage();
await importHistoryFile(shop, row.id, url);
const seconds = (performance.now() - started) / 1000;
const cpu = cpuSeconds(cpuStart);
clearInterval(sampler);
const done = await db.historyImport.findUniqueOrThrow({ where: { id: row.id } });
const counts = {
  orders: await db.order.count({ where: { shopDomain: shop } }),
  customers: await db.customer.count({ where: { shopDomain: shop } }),
  shipments: await db.trackingShipment.count({ where: { shopDomain: shop } }),
};
server.close();
console.log(
  JSON.stringify({
    orders: ORDERS,
    parsed,
    applied: done.ordersApplied,
    counts,
    seconds,
    perSecond: ORDERS / seconds,
    cpuMsPerOrder: (cpu * 1000) / ORDERS,
    floor: {
      seconds: floorSeconds,
      perSecond: parsed / floorSeconds,
      cpuMsPerOrder: (floorCpu * 1000) / parsed,
    },
    peakRssMb: peakRss / 1024 / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
  }),
);
process.exit(0);
