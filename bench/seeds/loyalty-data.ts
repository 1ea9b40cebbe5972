/** The loyalty benchmark's members, the same for the seed and the load generator. */
export const BENCH_LOYALTY_SHOP = "bench-loyalty.myshopify.com";
export const ENTRIES_PER_MEMBER = Number(process.env.ENTRIES ?? 20);

const DAY = 86_400_000;

export function benchMember(index: number) {
  const id = `member-${index}`;
  const customerShopifyId = String(8_000_000_000_000 + index);
  const entries = [];
  let balance = 0;
  for (let n = 0; n < ENTRIES_PER_MEMBER; n++) {
    const createdAt = new Date(Date.UTC(2026, 0, 1) + (n * 7 + (index % 5)) * DAY);
    const orderShopifyId = `${customerShopifyId}${n}`;
    const kind =
      n % 10 === 9 ? "reverse" : n % 10 === 8 ? "hold" : n % 2 === 0 ? "earn" : "confirm";
    const points = kind === "confirm" ? 120 : kind === "reverse" ? -30 : kind === "hold" ? -100 : 0;
    const pendingPoints = kind === "earn" ? 120 : kind === "confirm" ? -120 : 0;
    balance += points;
    entries.push({
      id: `${id}-${n}`,
      shopDomain: BENCH_LOYALTY_SHOP,
      memberId: id,
      source: kind === "reverse" ? "refund" : kind === "hold" ? "reward" : "order",
      kind,
      idempotencyKey: `${id}:${n}`,
      points,
      pendingPoints,
      orderShopifyId,
      createdAt,
    });
  }
  return {
    id,
    shopDomain: BENCH_LOYALTY_SHOP,
    customerShopifyId,
    email: `member${index}@example.com`,
    balance,
    pending: 0,
    tier: index % 3 === 0 ? "Silver" : null,
    lastActivityAt: new Date(Date.UTC(2026, 10, 1)),
    referralCode: `BENCH${index}`,
    referralDiscountId: `gid://shopify/DiscountCodeNode/${index + 1}`,
    entries,
  };
}
