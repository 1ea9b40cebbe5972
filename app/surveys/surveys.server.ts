import { z } from "zod";
import { db, type Tx } from "../db.server";
import { emit, transaction } from "../platform/events/index.server";
import { emailMerchantAlert } from "./alerts.server";

export const NPS_REASONS = ["delivery", "product_quality", "price", "service", "website"] as const;

export const NpsAnswerSchema = z.object({
  orderId: z.string().regex(/^\d+$/, "an order id"),
  score: z.number().int().min(0, "0 to 10").max(10, "0 to 10"),
  comment: z.string().trim().max(1000).optional(),
  reasons: z.array(z.enum(NPS_REASONS)).max(NPS_REASONS.length).default([]),
});
export type NpsAnswer = z.infer<typeof NpsAnswerSchema>;

export type NpsGroup = "detractor" | "passive" | "promoter";

export function npsGroup(score: number): NpsGroup {
  return score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter";
}

/**
 * One NPS answer per order (a second one updates it). A detractor lands in the merchant's alert
 * inbox at once; what the shopper is offered next depends on the group.
 */
export async function recordNps(
  shopDomain: string,
  answer: NpsAnswer,
  context: { customerShopifyId: string | null; source: "thank_you" | "order_status" },
) {
  const fields = {
    score: answer.score,
    comment: answer.comment || null,
    reasons: answer.reasons.join(","),
    customerShopifyId: context.customerShopifyId,
    source: context.source,
  };
  const group = npsGroup(answer.score);
  const response = await transaction(async (tx) => {
    const saved = await tx.surveyResponse.upsert({
      where: {
        shopDomain_kind_subjectKey: { shopDomain, kind: "nps", subjectKey: answer.orderId },
      },
      create: {
        shopDomain,
        kind: "nps",
        subjectKey: answer.orderId,
        orderShopifyId: answer.orderId,
        ...fields,
      },
      update: fields,
    });
    await emitAnswer(tx, saved, group === "detractor");
    return saved;
  });
  if (group === "detractor") {
    await db.surveyAlert.upsert({
      where: { responseId: response.id },
      create: { shopDomain, responseId: response.id, reason: `NPS ${answer.score}` },
      update: { reason: `NPS ${answer.score}`, resolvedAt: null },
    });
    await emailMerchantAlert(shopDomain, response);
  } else {
    await db.surveyAlert.deleteMany({ where: { responseId: response.id, resolvedAt: null } });
  }
  return { group, responseId: response.id };
}

/** The NPS answer already given for an order, for a block to show instead of asking again. */
export async function orderNpsAnswer(
  shopDomain: string,
  orderShopifyId: string,
): Promise<{ score: number; comment?: string } | null> {
  const response = await db.surveyResponse.findUnique({
    where: { shopDomain_kind_subjectKey: { shopDomain, kind: "nps", subjectKey: orderShopifyId } },
    select: { score: true, comment: true },
  });
  if (!response) return null;
  return response.comment === null
    ? { score: response.score }
    : { score: response.score, comment: response.comment };
}

/** NPS over answers: % promoters − % detractors, with the sample it stands on. */
export async function npsSummary(shopDomain: string, since: Date) {
  const responses = await db.surveyResponse.findMany({
    where: { shopDomain, kind: "nps", updatedAt: { gte: since } },
    select: { score: true },
  });
  const count = responses.length;
  const promoters = responses.filter((response) => response.score >= 9).length;
  const detractors = responses.filter((response) => response.score <= 6).length;
  return {
    responses: count,
    nps: count ? Math.round(((promoters - detractors) / count) * 100) : null,
  };
}

/** survey.answered for every answer, and survey.detractor as well for an unhappy one. */
export async function emitAnswer(
  tx: Tx,
  response: {
    id: string;
    shopDomain: string;
    kind: string;
    score: number;
    orderShopifyId: string | null;
    customerShopifyId: string | null;
  },
  unhappy: boolean,
) {
  const event = {
    shop: response.shopDomain,
    aggregateId: response.id,
    data: {
      responseId: response.id,
      kind: response.kind === "csat" ? ("csat" as const) : ("nps" as const),
      score: response.score,
      orderId: response.orderShopifyId,
      customerId: response.customerShopifyId,
    },
  };
  await emit(tx, { ...event, type: "survey.answered" });
  if (unhappy) await emit(tx, { ...event, type: "survey.detractor" });
}
