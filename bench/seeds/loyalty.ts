/**
 * Seeds a shop with MEMBERS loyalty members, each with ENTRIES ledger entries (orders earned and
 * confirmed, a refund, a redemption), written through the app's Prisma client in batches. Cached
 * balances equal the entries' sums, as the ledger keeps them.
 *   DATABASE_URL=… MEMBERS=10000 tsx bench/seeds/loyalty.ts
 */
import { db } from "../../app/db.server";
import { analyzeIfPostgres } from "./analyze";
import { BENCH_LOYALTY_SHOP, benchMember } from "./loyalty-data";

const count = Number(process.env.MEMBERS ?? 10_000);
const BATCH = 500;

async function seed() {
  await db.shop.upsert({
    where: { domain: BENCH_LOYALTY_SHOP },
    create: { domain: BENCH_LOYALTY_SHOP, name: "Bench Loyalty" },
    update: {},
  });
  await db.loyaltySettings.upsert({
    where: { shopDomain: BENCH_LOYALTY_SHOP },
    create: {
      shopDomain: BENCH_LOYALTY_SHOP,
      tiers: JSON.stringify([
        { name: "Silver", threshold: 300, earnMultiplier: 1.25, rewardDiscountPercent: 0 },
        { name: "Gold", threshold: 1000, earnMultiplier: 1.5, rewardDiscountPercent: 10 },
      ]),
    },
    update: {},
  });
  const started = Date.now();
  for (let from = 0; from < count; from += BATCH) {
    const members = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) =>
      benchMember(from + k),
    );
    const entries = members.flatMap((member) => member.entries);
    await db.loyaltyMember.createMany({
      data: members.map(({ entries: _entries, ...member }) => member),
    });
    await db.loyaltyEntry.createMany({ data: entries });
  }
  console.log(`seeded ${count} loyalty members in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

await seed();
await analyzeIfPostgres();
