/**
 * Seeds the chat bench's shop: CONVERSATIONS shipped orders (one per simulated shopper) and the
 * offline session an install leaves, so the merchant's inbox requests authenticate without a
 * Shopify to exchange tokens with.
 *   DATABASE_URL=… CONVERSATIONS=200 tsx bench/seeds/chat.ts
 */
import { db } from "../../app/db.server";
import { BENCH_SHOP } from "./tracking-data";
import { seedShipments } from "./tracking";

await seedShipments(Number(process.env.CONVERSATIONS ?? 200));
await db.session.create({
  data: {
    id: `offline_${BENCH_SHOP}`,
    shop: BENCH_SHOP,
    state: "",
    isOnline: false,
    scope: process.env.SCOPES ?? "",
    accessToken: "shpat_bench",
  },
});
await db.$disconnect();
