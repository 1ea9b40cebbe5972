import { randomUUID } from "node:crypto";
import { db } from "../../db.server";
import { askAssistant } from "./answer.server";

/** An order as the orders capability stores it from orders/create: what the assistant looks up. */
export async function storeOrder(shopDomain: string, name: string, email: string | null) {
  const now = new Date();
  await db.order.create({
    data: {
      shopDomain,
      shopifyId: String(Math.floor(Math.random() * 1e12)),
      name,
      email,
      currency: "EUR",
      presentmentCurrency: "EUR",
      totalPrice: 1000,
      subtotalPrice: 1000,
      totalDiscounts: 0,
      totalShipping: 0,
      totalTax: 0,
      presentmentTotalPrice: 1000,
      processedAt: now,
      shopifyCreatedAt: now,
      shopifyUpdatedAt: now,
    },
  });
}

/**
 * Ana (ana@example.com) asks about her order #1001 from a fresh address, in English; `fields`
 * changes what she typed.
 */
export const askAboutAnasOrder = (
  shopDomain: string,
  fields: Partial<Parameters<typeof askAssistant>[0]> = {},
) =>
  askAssistant({
    shopDomain,
    ip: randomUUID(),
    locale: "en",
    orderNumber: "#1001",
    email: "ana@example.com",
    question: "how many points do I have",
    ...fields,
  });
