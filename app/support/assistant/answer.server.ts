import { db } from "../../db.server";
import type { ShopperLocale } from "../../platform/i18n";
import { memberSummary } from "../../loyalty/index.server";
import { findShopperOrder } from "../../orders/index.server";
import { trackByOrder, type ShopperShipment } from "../../tracking/index.server";
import { limitLookup } from "../../storefront/rate-limit.server";
import { publishedArticles, searchArticles } from "../articles.server";
import { classify } from "./classifier.server";
import { fallbackIntent } from "./language-model-settings.server";
import type { Intent } from "./intents";

export const MAX_QUESTION_CHARS = 500;

export interface AssistantQuestion {
  shopDomain: string;
  ip: string;
  locale: ShopperLocale;
  orderNumber: string;
  email: string;
  question: string;
}

/** Every answer comes from our data: the same question about the same order gets the same answer. */
export type AssistantAnswer =
  | { kind: "where"; orderName: string; shipments: ShopperShipment[] }
  | { kind: "return"; orderName: string; portalLink: string }
  | {
      kind: "points";
      balance: number;
      pending: number;
      tier: string | null;
      rewards: { name: string; points: number; affordable: boolean }[];
    }
  | { kind: "noPoints" }
  | { kind: "changeAddress" | "cancel"; orderName: string; shipped: boolean }
  | { kind: "human"; orderName: string }
  | { kind: "unsure"; orderName: string; articles: { slug: string; title: string }[] };

/** How many of the help center's best matching articles an unsure answer offers. */
const UNSURE_ARTICLES = 3;

export type AssistantError =
  "missingFields" | "invalidText" | "questionTooLong" | "notFound" | "tooMany";

/** The HTTP status each refusal is answered with, wherever the shopper asked (help center, chat). */
export const ASSISTANT_ERROR_STATUS = {
  missingFields: 400,
  invalidText: 400,
  questionTooLong: 400,
  notFound: 404,
  tooMany: 429,
} as const satisfies Record<AssistantError, number>;

export type AssistantResult =
  | { ok: true; intent: Intent | null; answer: AssistantAnswer }
  | { ok: false; error: AssistantError; retryAfterSeconds?: number };

/** NUL and other control characters are never part of an order number, an email or a question. */
const CONTROL = /\p{Cc}/u;

/**
 * Answers a shopper's question about one of their orders. The order is found as on the tracking
 * page (number + the order's email, the same answer for a wrong email and no such order, the same
 * budget per address), then the question's intent is recognized and answered from our data.
 */
export async function askAssistant(input: AssistantQuestion): Promise<AssistantResult> {
  const orderNumber = input.orderNumber.trim();
  const email = input.email.trim();
  const question = input.question.replace(/[\r\n\t]+/g, " ").trim();
  if (!orderNumber || !email || !question) return { ok: false, error: "missingFields" };
  if (CONTROL.test(orderNumber) || CONTROL.test(email) || CONTROL.test(question)) {
    return { ok: false, error: "invalidText" };
  }
  if (question.length > MAX_QUESTION_CHARS || orderNumber.length > 40 || email.length > 254) {
    return { ok: false, error: "questionTooLong" };
  }
  const wait = await limitLookup(input.shopDomain, input.ip);
  if (wait !== null) return { ok: false, error: "tooMany", retryAfterSeconds: wait };

  const tracking = await trackByOrder(input.shopDomain, orderNumber, email);
  if (!tracking?.orderName) return { ok: false, error: "notFound" };
  const orderName = tracking.orderName;
  const local = await classify(input.locale, question);
  // Off-topic or unsure here: the merchant's language model, if switched on, may name one of our
  // intents (only the question is sent); the answer still comes from our data below.
  const intent = local.intent ?? (await fallbackIntent(input.shopDomain, input.locale, question));
  // Only what it was about: the dashboard's deflection counts questions, never their words.
  await db.supportAssistantQuestion.create({
    data: { shopDomain: input.shopDomain, intent: intent ?? null },
  });
  const shipped = tracking.shipments.some((shipment) => shipment.tag !== "Pending");

  switch (intent) {
    case "order.where":
      return {
        ok: true,
        intent,
        answer: { kind: "where", orderName, shipments: tracking.shipments },
      };
    case "return.start":
      return {
        ok: true,
        intent,
        answer: {
          kind: "return",
          orderName,
          // Relative: the portal on the storefront path the shopper is on, the order filled in.
          portalLink: `returns?${new URLSearchParams({ order: orderName })}`,
        },
      };
    case "loyalty.points": {
      const order = await findShopperOrder(input.shopDomain, { orderNumber });
      if (!order?.customerShopifyId) return { ok: true, intent, answer: { kind: "noPoints" } };
      const summary = await memberSummary(input.shopDomain, order.customerShopifyId, 0);
      if (!summary.enabled || !summary.member) {
        return { ok: true, intent, answer: { kind: "noPoints" } };
      }
      return {
        ok: true,
        intent,
        answer: {
          kind: "points",
          balance: summary.balance,
          pending: summary.pending,
          tier: summary.tier,
          rewards: summary.rewards.map(({ name, points, affordable }) => ({
            name,
            points,
            affordable,
          })),
        },
      };
    }
    case "order.change_address":
      return { ok: true, intent, answer: { kind: "changeAddress", orderName, shipped } };
    case "order.cancel":
      return { ok: true, intent, answer: { kind: "cancel", orderName, shipped } };
    case "agent.human":
      return { ok: true, intent, answer: { kind: "human", orderName } };
    default:
      return {
        ok: true,
        intent: null,
        answer: {
          kind: "unsure",
          orderName,
          articles: await bestArticles(input.shopDomain, input.locale, question),
        },
      };
  }
}

/** The help center's articles that best match a question the assistant could not place. */
async function bestArticles(shopDomain: string, locale: ShopperLocale, question: string) {
  const published = await publishedArticles(shopDomain, locale);
  return searchArticles(shopDomain, published.locale, published.articles, question)
    .slice(0, UNSURE_ARTICLES)
    .map(({ slug, title }) => ({ slug, title }));
}
