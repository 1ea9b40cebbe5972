import { notify } from "../notifications/index.server";
import { db } from "../db.server";
import { isHeldOut } from "../experiments/index.server";
import { emit, transaction } from "../platform/events/index.server";
import { retryOnUniqueViolation } from "../platform/db/errors";
import { appendEntry, ensureMember, ledgerTransaction } from "./ledger.server";
import { loadProgram } from "./program.server";
import type { Program } from "./settings";
import { tierFor, tierMove } from "./tiers";

const DAY_MS = 24 * 3600 * 1000;
const YEAR_MS = 365 * DAY_MS;

export interface Bonus {
  key: string;
  source: "bonus" | "survey" | "referral";
  points: number;
  note: string;
  orderShopifyId?: string | null;
}

/**
 * A bonus is granted at most once per key (first order, birthday of a year, a survey answer), and
 * not to a customer an experiment holds out of bonuses. A referral bonus is always paid: the
 * referrer was promised it when they shared their link.
 */
export async function grantBonus(shopDomain: string, memberId: string, bonus: Bonus) {
  if (bonus.points <= 0) return null;
  if (bonus.source !== "referral") {
    const member = await db.loyaltyMember.findUnique({
      where: { id: memberId },
      select: { customerShopifyId: true },
    });
    if (await isHeldOut(shopDomain, "loyalty_bonus", member?.customerShopifyId)) return null;
  }
  return ledgerTransaction((tx) =>
    appendEntry(tx, {
      shopDomain,
      memberId,
      idempotencyKey: bonus.key,
      source: bonus.source,
      kind: "earn",
      points: bonus.points,
      orderShopifyId: bonus.orderShopifyId ?? null,
      note: bonus.note,
    }),
  );
}

/** Points a survey answer earns (called by the surveys capability), once per response. */
export async function awardSurveyBonus(
  shopDomain: string,
  customerShopifyId: string,
  responseId: string,
) {
  const program = await loadProgram(shopDomain);
  if (!program.enabled || program.surveyBonus <= 0) return null;
  // The answer can come from the thank-you page before orders/paid made them a member.
  const member = await retryOnUniqueViolation(() =>
    db.$transaction((tx) => ensureMember(tx, shopDomain, { customerShopifyId })),
  );
  return grantBonus(shopDomain, member.id, {
    key: `survey:${responseId}`,
    source: "survey",
    points: program.surveyBonus,
    note: "Survey answered",
  });
}

/**
 * Points a Shopify Flow action adds to a customer (who becomes a member if not yet one), once per
 * action run: Flow retries a run with the same id, and the ledger keeps one entry per key.
 */
export async function addFlowPoints(
  shopDomain: string,
  input: { customerShopifyId: string; points: number; note: string; runId: string },
) {
  const member = await retryOnUniqueViolation(() =>
    db.$transaction((tx) =>
      ensureMember(tx, shopDomain, { customerShopifyId: input.customerShopifyId }),
    ),
  );
  const entry = await ledgerTransaction((tx) =>
    appendEntry(tx, {
      shopDomain,
      memberId: member.id,
      idempotencyKey: `flow:${input.runId}`,
      source: "manual",
      kind: "adjust",
      points: input.points,
      note: input.note,
      actor: "Shopify Flow",
    }),
  );
  return { memberId: member.id, added: entry !== null };
}

/**
 * What a member's tier is measured on over the last 12 months: points earned on orders (net of
 * reversals) or spend (earnable amount of orders, net of refunds).
 */
export async function qualifyingValue(
  shopDomain: string,
  memberId: string,
  program: Program,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - YEAR_MS);
  if (program.tierBasis === "points") {
    // By member alone (the member is the shop's): the (memberId, createdAt) index answers it.
    const sums = await db.loyaltyEntry.aggregate({
      where: {
        memberId,
        createdAt: { gte: since },
        kind: { in: ["earn", "reverse", "cancel"] },
      },
      _sum: { points: true, pendingPoints: true },
    });
    return (sums._sum.points ?? 0) + (sums._sum.pendingPoints ?? 0);
  }
  const member = await db.loyaltyMember.findUniqueOrThrow({ where: { id: memberId } });
  const orders = await db.loyaltyOrder.findMany({
    where: {
      shopDomain,
      customerShopifyId: member.customerShopifyId,
      paidAt: { gte: since },
      cancelledAt: null,
    },
    select: { orderShopifyId: true, earnBase: true },
  });
  const refunds = await db.loyaltyRefund.aggregate({
    where: { shopDomain, orderShopifyId: { in: orders.map((order) => order.orderShopifyId) } },
    _sum: { amount: true },
  });
  const spend = orders.reduce((sum, order) => sum + order.earnBase, 0);
  return Math.max(0, spend - (refunds._sum.amount ?? 0));
}

/** Re-derives the member's tier; a change is recorded as a promotion or demotion. */
export async function refreshTier(shopDomain: string, memberId: string, now = new Date()) {
  const program = await loadProgram(shopDomain);
  if (program.tiers.length === 0) return null;
  const member = await db.loyaltyMember.findFirst({ where: { id: memberId, shopDomain } });
  if (!member) return null;
  const qualifying = await qualifyingValue(shopDomain, memberId, program, now);
  const tier = tierFor(program, qualifying)?.name ?? null;
  const direction = tierMove(program, member.tier, tier);
  if (!direction) return null;
  await transaction(async (tx) => {
    await tx.loyaltyMember.update({ where: { id: member.id }, data: { tier, tierChangedAt: now } });
    await tx.loyaltyTierChange.create({
      data: {
        shopDomain,
        memberId,
        fromTier: member.tier,
        toTier: tier,
        direction,
        qualifying,
      },
    });
    await emit(tx, {
      type: "loyalty.tier_changed",
      shop: shopDomain,
      aggregateId: member.id,
      data: {
        memberId: member.id,
        customerId: member.customerShopifyId,
        previousTierId: member.tier,
        tierId: tier,
      },
    });
  });
  return { from: member.tier, to: tier, direction };
}

// ---- expiry ----------------------------------------------------------------------------------

export interface PointsExpiringNotification {
  shop: string;
  trigger: "loyalty.points_expiring";
  subjectKey: string;
  recipient: { email: string; customerShopifyId: string; locale?: string | null };
  data: { balance: number; expiresAt: string; firstName: string | null };
}

/** What the notifications engine is asked to send when a member's points will soon expire. */
export function pointsExpiringNotification(
  shopDomain: string,
  member: {
    id: string;
    email: string;
    customerShopifyId: string;
    balance: number;
    firstName: string | null;
  },
  expiresAt: Date,
): PointsExpiringNotification {
  return {
    shop: shopDomain,
    trigger: "loyalty.points_expiring",
    // One warning per member and inactivity period: the expiry date names the period.
    subjectKey: `loyalty-member:${member.id}:${expiresAt.toISOString().slice(0, 10)}`,
    recipient: { email: member.email, customerShopifyId: member.customerShopifyId },
    data: {
      balance: member.balance,
      expiresAt: expiresAt.toISOString(),
      firstName: member.firstName,
    },
  };
}

/** The warning email, through the notifications engine (once per member and period). */
export async function sendPointsExpiringWarning(notification: PointsExpiringNotification) {
  return notify({
    shop: notification.shop,
    trigger: notification.trigger,
    subjectKey: notification.subjectKey,
    recipient: {
      email: notification.recipient.email,
      customerId: notification.recipient.customerShopifyId,
      locale: notification.recipient.locale ?? null,
    },
    data: { ...notification.data, accountUrl: `https://${notification.shop}/account` },
  });
}

/**
 * Points expire after the program's days of inactivity (no earning, redeeming or adjustment);
 * members are warned the program's warning days before.
 */
export async function expireInactivePoints(shopDomain: string, now = new Date()) {
  const program = await loadProgram(shopDomain);
  if (!program.enabled || program.expiryInactiveDays <= 0) return { warned: 0, expired: 0 };
  const inactiveSince = new Date(now.getTime() - program.expiryInactiveDays * DAY_MS);
  const warnSince = new Date(inactiveSince.getTime() + program.expiryWarningDays * DAY_MS);

  let expired = 0;
  const expiring = await db.loyaltyMember.findMany({
    where: { shopDomain, balance: { gt: 0 }, lastActivityAt: { lt: inactiveSince } },
    take: 1000,
  });
  for (const member of expiring) {
    const entry = await ledgerTransaction(async (tx) => {
      const current = await tx.loyaltyMember.findUniqueOrThrow({ where: { id: member.id } });
      if (current.balance <= 0) return null;
      return appendEntry(tx, {
        shopDomain,
        memberId: member.id,
        idempotencyKey: `expiry:${member.id}:${member.lastActivityAt!.toISOString()}`,
        source: "expiry",
        kind: "expire",
        points: -current.balance,
        note: `No activity for ${program.expiryInactiveDays} days`,
      });
    });
    if (entry) expired++;
  }

  let warned = 0;
  const warnable = await db.loyaltyMember.findMany({
    where: {
      shopDomain,
      balance: { gt: 0 },
      email: { not: null },
      expiryWarnedAt: null,
      lastActivityAt: { lt: warnSince, gte: inactiveSince },
    },
    take: 1000,
  });
  for (const member of warnable) {
    const expiresAt = new Date(
      member.lastActivityAt!.getTime() + program.expiryInactiveDays * DAY_MS,
    );
    await sendPointsExpiringWarning(
      pointsExpiringNotification(shopDomain, { ...member, email: member.email! }, expiresAt),
    );
    await transaction(async (tx) => {
      await tx.loyaltyMember.update({ where: { id: member.id }, data: { expiryWarnedAt: now } });
      await emit(tx, {
        type: "loyalty.points_expiring",
        shop: shopDomain,
        aggregateId: member.id,
        data: {
          memberId: member.id,
          customerId: member.customerShopifyId,
          points: member.balance,
          expiresAt: expiresAt.toISOString(),
        },
      });
    });
    warned++;
  }
  return { warned, expired };
}

// ---- birthdays -------------------------------------------------------------------------------

const BIRTHDAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isBirthday(value: string): boolean {
  if (!BIRTHDAY.test(value)) return false;
  const [month, day] = value.split("-").map(Number) as [number, number];
  // 2024 is a leap year: 02-29 is a birthday.
  const date = new Date(Date.UTC(2024, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A member tells us their birthday ("MM-DD") once; changing it later would farm the bonus. */
export async function setBirthday(shopDomain: string, memberId: string, birthday: string) {
  if (!isBirthday(birthday)) return false;
  const { count } = await db.loyaltyMember.updateMany({
    where: { id: memberId, shopDomain, birthday: null },
    data: { birthday },
  });
  return count === 1;
}

/** Daily: the birthday bonus, once per member and year (02-29 birthdays on 02-28 in other years). */
export async function grantBirthdayBonuses(shopDomain: string, now = new Date()) {
  const program = await loadProgram(shopDomain);
  if (!program.enabled || program.birthdayBonus <= 0) return 0;
  const today = now.toISOString().slice(5, 10);
  const year = now.getUTCFullYear();
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCDate() === 29;
  const days = today === "02-28" && !leap ? ["02-28", "02-29"] : [today];
  const members = await db.loyaltyMember.findMany({
    where: { shopDomain, birthday: { in: days } },
    select: { id: true },
  });
  let granted = 0;
  for (const member of members) {
    const entry = await grantBonus(shopDomain, member.id, {
      key: `bonus:birthday:${member.id}:${year}`,
      source: "bonus",
      points: program.birthdayBonus,
      note: "Happy birthday",
    });
    if (entry) granted++;
  }
  return granted;
}
