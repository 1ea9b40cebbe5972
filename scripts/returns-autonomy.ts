/**
 * `npm run returns:autonomy [-- --shop <domain>]`: how many of a shop's returns completed without
 * a merchant click, read from each return's timeline, on DATABASE_URL. Without DATABASE_URL it
 * reads the demo's database (prisma/demo.sqlite) as the demo's app does, for the demo shop
 * unless `--shop` names another.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_API_KEY, DEMO_API_SECRET, DEMO_DATABASE, DEMO_SHOP } from "./lib/demo-shop";

const { values: args } = parseArgs({
  options: { shop: { type: "string", default: DEMO_SHOP } },
});

if (!process.env.DATABASE_URL) {
  if (!existsSync(DEMO_DATABASE)) {
    console.error(`No ${DEMO_DATABASE}: run \`npm run demo\` first, or set DATABASE_URL`);
    process.exit(1);
  }
  // The app's configuration wants its credentials even to read: the demo app's own.
  process.env.DATABASE_URL = `file:./${DEMO_DATABASE}`;
  process.env.SHOPIFY_API_KEY ??= DEMO_API_KEY;
  process.env.SHOPIFY_API_SECRET ??= DEMO_API_SECRET;
  process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:3000";
}
// Imported only now: the app's modules read DATABASE_URL and the configuration when loaded.
const { percentOf, returnsAutonomy } = await import("../app/returns/index.server");
const { db } = await import("../app/db.server");

const figures = await returnsAutonomy(args.shop);
const share = percentOf(figures.completedWithoutMerchant, figures.total);
const ofCompleted = percentOf(figures.completedWithoutMerchant, figures.completed);
console.log(
  JSON.stringify({ ...figures, sharePercent: share, shareOfCompletedPercent: ofCompleted }),
);
console.log(
  `${figures.completedWithoutMerchant} of ${figures.total} returns completed without a merchant click` +
    (share === null ? "" : ` (${share} %)`) +
    `; ${figures.completed} completed in all` +
    (ofCompleted === null ? "" : `, ${ofCompleted} % of them without the merchant`),
);
await db.$disconnect();
