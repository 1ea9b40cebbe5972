import { expect } from "vitest";
import { db } from "../../app/db.server";
import { adminDocument } from "./http";
import { waitFor } from "./wait";

/**
 * Installs the app on a shop the way Shopify-managed installation does: the merchant opens the
 * app, the library exchanges the id_token for an offline token at the stand-in, afterAuth runs.
 */
export async function installShop(shop: string) {
  const response = await adminDocument(shop);
  expect(response.status).toBe(200);
  await response.text();
  return waitFor(
    async () => {
      const record = await db.shop.findUnique({ where: { domain: shop } });
      return record?.name ? record : undefined;
    },
    { message: `shop ${shop} installed with its details` },
  );
}
