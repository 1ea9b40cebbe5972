import { reversalPoints } from "./earning";

/**
 * How an order's ledger entries follow from what we know about it, whatever order the events
 * arrived in. The facts are ordered by when they happened at Shopify (payment, refunds,
 * cancellation) or here (confirmation after the return window); each fact's contribution is
 * what the order's points should be with it minus what they were before it. The contributions
 * therefore always add up to the state all the facts imply, and each is keyed by its fact, so a
 * duplicate delivery finds its entry already written.
 */
export interface OrderFacts {
  orderShopifyId: string;
  /** Null until the order was seen paid. */
  paid: { at: Date; points: number; base: number } | null;
  refunds: { refundShopifyId: string; at: Date; amount: number; source: "refund" | "return" }[];
  cancelledAt: Date | null;
  confirmedAt: Date | null;
}

export interface Contribution {
  /** The fact's key: the entry's idempotency key (or its prefix, for corrections). */
  cause: string;
  source: "order" | "refund" | "return";
  kind: "earn" | "reverse" | "cancel" | "confirm";
  points: number;
  pendingPoints: number;
  refundShopifyId?: string;
}

type Fact =
  | { type: "paid"; at: Date }
  | { type: "refund"; at: Date; refund: OrderFacts["refunds"][number] }
  | { type: "cancel"; at: Date }
  | { type: "confirm"; at: Date };

const FACT_RANK: Record<Fact["type"], number> = { paid: 0, refund: 1, cancel: 2, confirm: 3 };

function orderedFacts(facts: OrderFacts): Fact[] {
  const list: Fact[] = [];
  if (facts.paid) list.push({ type: "paid", at: facts.paid.at });
  for (const refund of facts.refunds) list.push({ type: "refund", at: refund.at, refund });
  if (facts.cancelledAt) list.push({ type: "cancel", at: facts.cancelledAt });
  if (facts.confirmedAt) list.push({ type: "confirm", at: facts.confirmedAt });
  return list.sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      FACT_RANK[a.type] - FACT_RANK[b.type] ||
      (a.type === "refund" && b.type === "refund"
        ? a.refund.refundShopifyId.localeCompare(b.refund.refundShopifyId)
        : 0),
  );
}

interface State {
  points: number;
  pendingPoints: number;
}

/** What the order's entries should add up to, knowing only `known`. */
function orderTarget(facts: OrderFacts, known: Fact[]): State {
  const paid = facts.paid && known.some((fact) => fact.type === "paid") ? facts.paid : null;
  const earned = paid?.points ?? 0;
  let reversed = 0;
  if (known.some((fact) => fact.type === "cancel")) reversed = earned;
  else {
    for (const fact of known) {
      if (fact.type === "refund") {
        reversed += reversalPoints(earned, paid?.base ?? 0, fact.refund.amount);
      }
    }
    reversed = Math.min(earned, reversed);
  }
  const net = earned - reversed;
  return known.some((fact) => fact.type === "confirm")
    ? { points: net, pendingPoints: 0 }
    : { points: 0, pendingPoints: net };
}

export function orderContributions(facts: OrderFacts): Contribution[] {
  const ordered = orderedFacts(facts);
  const contributions: Contribution[] = [];
  let before: State = { points: 0, pendingPoints: 0 };
  ordered.forEach((fact, index) => {
    const after = orderTarget(facts, ordered.slice(0, index + 1));
    const delta = {
      points: after.points - before.points,
      pendingPoints: after.pendingPoints - before.pendingPoints,
    };
    before = after;
    const id = facts.orderShopifyId;
    switch (fact.type) {
      case "paid":
        contributions.push({ cause: `order:${id}:earn`, source: "order", kind: "earn", ...delta });
        break;
      case "refund":
        contributions.push({
          cause: `refund:${fact.refund.refundShopifyId}`,
          source: fact.refund.source,
          kind: "reverse",
          refundShopifyId: fact.refund.refundShopifyId,
          ...delta,
        });
        break;
      case "cancel":
        contributions.push({
          cause: `order:${id}:cancel`,
          source: "order",
          kind: "cancel",
          ...delta,
        });
        break;
      case "confirm":
        contributions.push({
          cause: `order:${id}:confirm`,
          source: "order",
          kind: "confirm",
          ...delta,
        });
        break;
    }
  });
  return contributions;
}

/** The entry key of a cause's n-th entry (a later fact can correct an earlier contribution). */
export function entryKey(cause: string, existingEntries: number): string {
  return existingEntries === 0 ? cause : `${cause}#${existingEntries + 1}`;
}

export function causeOfKey(key: string): string {
  const hash = key.lastIndexOf("#");
  return hash === -1 ? key : key.slice(0, hash);
}
