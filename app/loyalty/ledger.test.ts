import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "../db.server";
import { ledgerSums } from "./ledger.server";
import { confirmOrder, recordOrderCancelled, recordOrderPaid, recordRefund } from "./orders.server";
import { redeemReward } from "./rewards.server";
import type { LoyaltyOrderPayload, RefundPayload } from "./schemas";
import { DEFAULT_PROGRAM, type Program } from "./settings";

const CUSTOMER = "7000000000000000001";
const PAID_AT = "2026-01-05T10:00:00Z";

function orderPayload(id: string, unitMinor: number, quantity: number, cancelled: boolean) {
  return {
    id,
    name: `#${id.slice(-4)}`,
    email: "ana@example.com",
    customer: { id: CUSTOMER, email: "ana@example.com", first_name: "Ana", last_name: "Lima" },
    currency: "USD",
    total_price: ((unitMinor * quantity) / 100).toFixed(2),
    cancelled_at: cancelled ? "2026-01-06T10:00:00Z" : null,
    processed_at: PAID_AT,
    created_at: PAID_AT,
    line_items: [{ id: `${id}1`, quantity, price: (unitMinor / 100).toFixed(2), gift_card: false }],
  } satisfies LoyaltyOrderPayload;
}

function refundPayload(
  id: string,
  orderId: string,
  amountMinor: number,
  at: string,
): RefundPayload {
  return {
    id,
    order_id: orderId,
    created_at: at,
    processed_at: at,
    refund_line_items: [{ quantity: 1, subtotal: (amountMinor / 100).toFixed(2) }],
    transactions: [],
  };
}

const orderArb = fc.record({
  unitMinor: fc.integer({ min: 1, max: 40_000 }),
  quantity: fc.integer({ min: 1, max: 3 }),
  cancelled: fc.boolean(),
  refunds: fc.array(
    fc.record({
      amountMinor: fc.integer({ min: 1, max: 60_000 }),
      // Before the return window closed, or long after it (then it comes off spendable points).
      late: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
});

const scenarioArb = fc.record({
  pointsPerUnit: fc.integer({ min: 1, max: 10 }),
  orders: fc.array(orderArb, { minLength: 1, maxLength: 3 }),
  redeems: fc.array(fc.record({ reward: fc.constantFrom("small", "big"), refused: fc.boolean() }), {
    maxLength: 3,
  }),
  sweeps: fc.integer({ min: 0, max: 2 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

type LedgerEvent =
  | { type: "paid"; order: number }
  | { type: "refund"; order: number; refund: number }
  | { type: "cancel"; order: number }
  | { type: "redeem"; redeem: number }
  | { type: "sweep" };

function eventsOf(scenario: Scenario): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  scenario.orders.forEach((order, index) => {
    events.push({ type: "paid", order: index });
    order.refunds.forEach((_, refund) => events.push({ type: "refund", order: index, refund }));
    if (order.cancelled) events.push({ type: "cancel", order: index });
  });
  scenario.redeems.forEach((_, index) => events.push({ type: "redeem", redeem: index }));
  for (let sweep = 0; sweep < scenario.sweeps; sweep++) events.push({ type: "sweep" });
  return events;
}

/** Every event at least once, some twice, in any order. */
const deliveryArb = scenarioArb.chain((scenario) => {
  const events = eventsOf(scenario);
  return fc
    .array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: events.length })
    .chain((duplicates) => {
      const all = [...events, ...duplicates.map((index) => events[index]!)];
      return fc
        .shuffledSubarray(all, { minLength: all.length, maxLength: all.length })
        .map((delivery) => ({ scenario, delivery }));
    });
});

const REWARDS = {
  small: {
    id: "small",
    name: "Small",
    kind: "fixed" as const,
    points: 40,
    value: 100,
    minimumOrder: 0,
  },
  big: { id: "big", name: "Big", kind: "fixed" as const, points: 900, value: 500, minimumOrder: 0 },
};

/** The straightforward model: per order what it earned and lost, plus what was redeemed. */
function model(scenario: Scenario, delivery: LedgerEvent[]) {
  const orders = scenario.orders.map(() => ({
    paid: false,
    refunds: new Set<number>(),
    cancelled: false,
    confirmed: false,
  }));
  const redeemed = new Set<number>();
  let spent = 0;
  const net = (index: number) => {
    const order = scenario.orders[index]!;
    const state = orders[index]!;
    if (!state.paid || state.cancelled) return 0;
    const base = order.unitMinor * order.quantity;
    const earned = Math.floor((base * scenario.pointsPerUnit) / 100 + 1e-9);
    let reversed = 0;
    for (const refund of state.refunds) {
      reversed += Math.min(
        earned,
        Math.round((earned * order.refunds[refund]!.amountMinor) / base),
      );
    }
    return earned - Math.min(earned, reversed);
  };
  const balance = () =>
    orders.reduce((sum, state, index) => sum + (state.confirmed ? net(index) : 0), 0) - spent;
  for (const event of delivery) {
    if (event.type === "paid") orders[event.order]!.paid = true;
    else if (event.type === "refund") orders[event.order]!.refunds.add(event.refund);
    else if (event.type === "cancel") orders[event.order]!.cancelled = true;
    else if (event.type === "sweep") for (const state of orders) state.confirmed ||= state.paid;
    else if (!redeemed.has(event.redeem)) {
      const redeem = scenario.redeems[event.redeem]!;
      const points = REWARDS[redeem.reward].points;
      if (balance() >= points) {
        redeemed.add(event.redeem);
        if (!redeem.refused) spent += points;
      }
    }
  }
  const pending = orders.reduce((sum, state, index) => sum + (state.confirmed ? 0 : net(index)), 0);
  return { balance: balance(), pending };
}

async function deliver(shop: string, scenario: Scenario, event: LedgerEvent, program: Program) {
  const orderId = (index: number) => `910000000000000000${index}`;
  switch (event.type) {
    case "paid": {
      const order = scenario.orders[event.order]!;
      // orders/paid carries the order as it is now: cancelled only if the cancel came first.
      await recordOrderPaid(
        shop,
        orderPayload(orderId(event.order), order.unitMinor, order.quantity, false),
        { program },
      );
      return;
    }
    case "refund": {
      const order = scenario.orders[event.order]!;
      const refund = order.refunds[event.refund]!;
      const at = refund.late ? "2027-06-01T00:00:00Z" : `2026-01-0${7 + event.refund}T00:00:00Z`;
      await recordRefund(
        shop,
        refundPayload(
          `${orderId(event.order)}${event.refund}`,
          orderId(event.order),
          refund.amountMinor,
          at,
        ),
        { program },
      );
      return;
    }
    case "cancel": {
      const order = scenario.orders[event.order]!;
      await recordOrderCancelled(
        shop,
        orderPayload(orderId(event.order), order.unitMinor, order.quantity, true),
      );
      return;
    }
    case "sweep":
      for (let index = 0; index < scenario.orders.length; index++) {
        await confirmOrder(shop, orderId(index));
      }
      return;
    case "redeem": {
      const redeem = scenario.redeems[event.redeem]!;
      await redeemReward(
        {
          shopDomain: shop,
          customerShopifyId: CUSTOMER,
          rewardId: redeem.reward,
          requestKey: `request-${event.redeem}`,
        },
        async ({ redemption }) =>
          redeem.refused
            ? { refused: "Code has already been taken" }
            : {
                code: redemption.code,
                discountId: `gid://shopify/DiscountCodeNode/${event.redeem}`,
              },
      );
    }
  }
}

describe("the points ledger", () => {
  it("for any interleaving and duplication of order, refund, cancel, confirm and redeem events, the cached balance equals the ledger sum and the model", async () => {
    await fc.assert(
      fc.asyncProperty(deliveryArb, async ({ scenario, delivery }) => {
        const shop = `loyalty-${randomUUID().slice(0, 8)}.myshopify.com`;
        const program: Program = {
          ...DEFAULT_PROGRAM,
          pointsPerUnit: scenario.pointsPerUnit,
          returnWindowDays: 0,
          rewards: [REWARDS.small, REWARDS.big],
        };
        await db.loyaltySettings.create({
          data: {
            shopDomain: shop,
            pointsPerUnit: program.pointsPerUnit,
            returnWindowDays: 0,
            rewards: JSON.stringify(program.rewards),
          },
        });
        for (const event of delivery) await deliver(shop, scenario, event, program);

        const expected = model(scenario, delivery);
        const member = await db.loyaltyMember.findUnique({
          where: {
            shopDomain_customerShopifyId: { shopDomain: shop, customerShopifyId: CUSTOMER },
          },
        });
        const cached = { balance: member?.balance ?? 0, pending: member?.pending ?? 0 };
        expect(cached).toEqual(member ? await ledgerSums(member.id) : { balance: 0, pending: 0 });
        expect(cached).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    // Sixty scenarios of a dozen webhooks each: minutes on a machine busy with other suites.
  }, 300_000);

  it("reaches the same entries-sum whatever order the webhooks arrive in", async () => {
    await fc.assert(
      fc.asyncProperty(
        deliveryArb.filter(({ scenario }) => scenario.redeems.length === 0),
        async ({ scenario, delivery }) => {
          const program: Program = {
            ...DEFAULT_PROGRAM,
            pointsPerUnit: scenario.pointsPerUnit,
            returnWindowDays: 0,
          };
          const states = [];
          for (const events of [eventsOf(scenario), delivery]) {
            const shop = `loyalty-${randomUUID().slice(0, 8)}.myshopify.com`;
            for (const event of events) await deliver(shop, scenario, event, program);
            const member = await db.loyaltyMember.findFirst({ where: { shopDomain: shop } });
            states.push({
              balance: member?.balance ?? 0,
              pending: member?.pending ?? 0,
              sweeps: 0,
            });
          }
          // Sweeps confirm only what was paid before them, so compare with the sweeps' effect removed.
          if (scenario.sweeps === 0) expect(states[1]).toEqual(states[0]);
          else
            expect(states[1]!.balance + states[1]!.pending).toEqual(
              states[0]!.balance + states[0]!.pending,
            );
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe("concurrent deliveries", () => {
  it("earns, reverses and redeems once when the same events are processed at the same time", async () => {
    const shop = `loyalty-${randomUUID().slice(0, 8)}.myshopify.com`;
    const program: Program = {
      ...DEFAULT_PROGRAM,
      returnWindowDays: 0,
      rewards: [REWARDS.small],
    };
    await db.loyaltySettings.create({
      data: { shopDomain: shop, returnWindowDays: 0, rewards: JSON.stringify(program.rewards) },
    });
    const order = orderPayload("9300000000000000001", 10_000, 2, false);
    await Promise.all(Array.from({ length: 6 }, () => recordOrderPaid(shop, order, { program })));
    await Promise.all(
      Array.from({ length: 4 }, () =>
        recordRefund(
          shop,
          refundPayload("9300000000000000002", order.id, 5_000, "2026-01-08T00:00:00Z"),
          { program },
        ),
      ),
    );
    await Promise.all(Array.from({ length: 4 }, () => confirmOrder(shop, order.id)));
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        redeemReward(
          {
            shopDomain: shop,
            customerShopifyId: CUSTOMER,
            rewardId: "small",
            requestKey: "one-click",
          },
          async ({ redemption }) => ({
            code: redemption.code,
            discountId: "gid://shopify/DiscountCodeNode/1",
          }),
        ),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const member = await db.loyaltyMember.findFirstOrThrow({ where: { shopDomain: shop } });
    // 200.00 earns 200; a 50.00 refund takes back 50; one redemption of 40.
    expect({ balance: member.balance, pending: member.pending }).toEqual({
      balance: 110,
      pending: 0,
    });
    expect(await ledgerSums(member.id)).toEqual({ balance: 110, pending: 0 });
    expect(await db.loyaltyRedemption.count({ where: { shopDomain: shop } })).toBe(1);
  });

  it("keeps the cache equal to the ledger when paid, refund and cancel race each other", async () => {
    const shop = `loyalty-${randomUUID().slice(0, 8)}.myshopify.com`;
    const program: Program = { ...DEFAULT_PROGRAM, returnWindowDays: 0 };
    const orders = ["9400000000000000001", "9400000000000000002"];
    await Promise.all(
      orders.flatMap((id, index) => [
        recordOrderPaid(shop, orderPayload(id, 10_000, 1, false), { program }),
        recordOrderPaid(shop, orderPayload(id, 10_000, 1, false), { program }),
        recordRefund(shop, refundPayload(`${id}9`, id, 2_500, "2026-01-08T00:00:00Z"), {
          program,
        }),
        recordRefund(shop, refundPayload(`${id}9`, id, 2_500, "2026-01-08T00:00:00Z"), {
          program,
        }),
        ...(index === 1 ? [recordOrderCancelled(shop, orderPayload(id, 10_000, 1, true))] : []),
      ]),
    );
    const member = await db.loyaltyMember.findFirstOrThrow({ where: { shopDomain: shop } });
    // Order 1: 100 − 25; order 2 cancelled.
    expect({ balance: member.balance, pending: member.pending }).toEqual({
      balance: 0,
      pending: 75,
    });
    expect(await ledgerSums(member.id)).toEqual({ balance: 0, pending: 75 });
  });
});
