import type { SimulatedOrder } from "../standin/simulator/shop";
import { Random } from "../standin/simulator/random";

/** What shoppers write next to their score: a mix the surveys page can group and filter. */
const COMMENTS = {
  promoter: ["Fast delivery and lovely packaging", "Exactly as described, will order again"],
  passive: ["Fine, but shipping took a while", "Good product, the size runs small"],
  detractor: ["The parcel arrived late and damaged", "Nobody answered my question about tracking"],
};

/**
 * Shoppers answer the NPS question of the order-status block: the extension's own request, with
 * the customer's session token, to the app's real endpoint. About half of the orders answer, with
 * promoters, passives and detractors mixed and a comment now and then.
 */
export async function answerNps(
  appUrl: string,
  orders: SimulatedOrder[],
  customerToken: (customerId: bigint) => string,
  userAgent: string,
) {
  const random = new Random(17);
  const counts = { promoter: 0, passive: 0, detractor: 0, refused: 0 };
  for (const order of orders) {
    if (order.cancelledAt || random.next() >= 0.5) continue;
    const roll = random.next();
    const score = roll < 0.6 ? random.int(9, 10) : roll < 0.8 ? random.int(7, 8) : random.int(0, 6);
    const group = score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    const comment = random.next() < 0.4 ? COMMENTS[group][random.int(0, 1)] : undefined;
    const response = await fetch(`${appUrl}/api/surveys/nps?source=order_status`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${customerToken(order.customer.id)}`,
        "User-Agent": userAgent,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ orderId: String(order.id), score, comment }),
    });
    if (response.ok) counts[group] += 1;
    else counts.refused += 1;
  }
  return counts;
}
