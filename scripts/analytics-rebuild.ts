/**
 * `npm run analytics:rebuild [-- <shop domain>…]`: recomputes the dashboard's daily rollups from
 * the raw tables, for the shops named or every installed shop, on DATABASE_URL.
 */
import { rebuildShop } from "../app/analytics/rollups.server";
import { db } from "../app/db.server";
import { installedShopDomains } from "../app/shops/shops.server";

const named = process.argv.slice(2).filter((arg) => arg !== "--");
const shops = named.length ? named : await installedShopDomains();
for (const shop of shops) {
  const started = performance.now();
  const result = await rebuildShop(shop);
  console.log(
    JSON.stringify({
      shop,
      ...result,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
    }),
  );
}
await db.$disconnect();
