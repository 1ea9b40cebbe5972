import { z } from "zod";
import { db } from "../db.server";
import { orderNames } from "../orders/index.server";

const WEEK_MS = 7 * 86_400_000;

export const ResponseFilterSchema = z.object({
  kind: z.enum(["nps", "csat"]).optional(),
  group: z.enum(["low", "mid", "high"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type ResponseFilter = z.infer<typeof ResponseFilterSchema>;

export function parseResponseFilter(params: URLSearchParams): ResponseFilter {
  const parsed = ResponseFilterSchema.safeParse({
    kind: params.get("kind") || undefined,
    group: params.get("group") || undefined,
    page: params.get("page") || undefined,
  });
  return parsed.success ? parsed.data : ResponseFilterSchema.parse({});
}

/** Score bands: NPS detractor / passive / promoter, CSAT 1–2 / 3 / 4–5. */
function scoreBand(group: ResponseFilter["group"]) {
  switch (group) {
    case "low":
      return {
        OR: [
          { kind: "nps", score: { lte: 6 } },
          { kind: "csat", score: { lte: 2 } },
        ],
      };
    case "mid":
      return {
        OR: [
          { kind: "nps", score: { in: [7, 8] } },
          { kind: "csat", score: 3 },
        ],
      };
    case "high":
      return {
        OR: [
          { kind: "nps", score: { gte: 9 } },
          { kind: "csat", score: { gte: 4 } },
        ],
      };
    default:
      return {};
  }
}

export const RESPONSE_PAGE_SIZE = 25;

export async function listResponses(shopDomain: string, filter: ResponseFilter) {
  const where = {
    shopDomain,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...scoreBand(filter.group),
  };
  const [rows, total] = await Promise.all([
    db.surveyResponse.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      skip: (filter.page - 1) * RESPONSE_PAGE_SIZE,
      take: RESPONSE_PAGE_SIZE,
    }),
    db.surveyResponse.count({ where }),
  ]);
  const names = await orderNames(
    shopDomain,
    rows.flatMap((row) => (row.orderShopifyId ? [row.orderShopifyId] : [])),
  );
  return {
    total,
    pageSize: RESPONSE_PAGE_SIZE,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      score: row.score,
      comment: row.comment,
      reasons: row.reasons ? row.reasons.split(",") : [],
      source: row.source,
      orderName: row.orderShopifyId ? (names.get(row.orderShopifyId) ?? null) : null,
      orderShopifyId: row.orderShopifyId,
      answeredAt: row.updatedAt,
    })),
  };
}

/**
 * NPS (% promoters − % detractors) and CSAT (% of 4–5 ratings) per week over `weeks`, each with
 * the number of answers behind it, and the totals for the whole period.
 */
export async function surveyTrends(shopDomain: string, weeks = 12, now = new Date()) {
  const since = new Date(now.getTime() - weeks * WEEK_MS);
  const rows = await db.surveyResponse.findMany({
    where: { shopDomain, updatedAt: { gte: since } },
    select: { kind: true, score: true, updatedAt: true },
  });
  const measure = (kind: string, answers: { score: number }[]) => {
    if (answers.length === 0) return null;
    if (kind === "nps") {
      const promoters = answers.filter((answer) => answer.score >= 9).length;
      const detractors = answers.filter((answer) => answer.score <= 6).length;
      return Math.round(((promoters - detractors) / answers.length) * 100);
    }
    return Math.round(
      (answers.filter((answer) => answer.score >= 4).length / answers.length) * 100,
    );
  };
  const series = (kind: "nps" | "csat") => {
    const answers = rows.filter((row) => row.kind === kind);
    const points = Array.from({ length: weeks }, (_, index) => {
      const start = new Date(since.getTime() + index * WEEK_MS);
      const end = new Date(start.getTime() + WEEK_MS);
      const week = answers.filter((row) => row.updatedAt >= start && row.updatedAt < end);
      return {
        week: start.toISOString().slice(0, 10),
        value: measure(kind, week),
        answers: week.length,
      };
    });
    return { value: measure(kind, answers), answers: answers.length, points };
  };
  return { nps: series("nps"), csat: series("csat") };
}

/** The merchant's inbox: unhappy answers not yet followed up, with what the shopper said. */
export async function openAlerts(shopDomain: string) {
  const alerts = await db.surveyAlert.findMany({
    where: { shopDomain, resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  const responses = await db.surveyResponse.findMany({
    where: { shopDomain, id: { in: alerts.map((alert) => alert.responseId) } },
  });
  const byId = new Map(responses.map((response) => [response.id, response]));
  const names = await orderNames(
    shopDomain,
    responses.flatMap((response) => (response.orderShopifyId ? [response.orderShopifyId] : [])),
  );
  return alerts.map((alert) => {
    const response = byId.get(alert.responseId);
    return {
      id: alert.id,
      reason: alert.reason,
      createdAt: alert.createdAt,
      comment: response?.comment ?? null,
      orderShopifyId: response?.orderShopifyId ?? null,
      orderName: response?.orderShopifyId ? (names.get(response.orderShopifyId) ?? null) : null,
    };
  });
}

export async function resolveAlert(shopDomain: string, alertId: string) {
  await db.surveyAlert.updateMany({
    where: { id: alertId, shopDomain, resolvedAt: null },
    data: { resolvedAt: new Date() },
  });
}
