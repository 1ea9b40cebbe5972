import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { renderToStaticMarkup } from "react-dom/server";
import { negotiateLocale, type ShopperLocale } from "../../platform/i18n";
import { getShopSettings, shopProfile, ShopSettingsSchema } from "../../shops/index.server";
import { publishedArticles, recordFeedback, searchArticles } from "../articles.server";
import { renderMarkdown } from "../markdown";
import {
  ASSISTANT_ERROR_STATUS,
  askAssistant,
  MAX_QUESTION_CHARS,
} from "../assistant/answer.server";
import { assistantTranslator } from "../assistant/messages";
import { HANDOFF_ANSWERS, openConversation } from "../conversations/conversations.server";
import { MAX_MESSAGE_CHARS } from "../conversations/thread.server";
import type { AssistantState } from "../assistant/AssistantSection";
import { HELP_STYLES, HelpPage, type HelpView } from "./HelpPage";

export interface HelpContext {
  shopDomain: string;
  ip: string;
  acceptLanguage: string | null;
  /** The storefront path Shopify proxied from (signed with the request), for redirects. */
  storefrontPath: string;
}

export interface HelpResponse {
  status: 200 | 303 | 400 | 404 | 429;
  html?: string;
  location?: string;
  retryAfterSeconds?: number;
}

export const MAX_QUERY_CHARS = 200;
/** The help center's forms: "did this help?", and a question of 500 characters with its order. */
export const MAX_FORM_BYTES = 16 * 1024;

const NO_QUESTION: AssistantState = {
  form: { orderNumber: "", email: "", question: "" },
  result: null,
};

const WINDOW_SECONDS = 60;
const REQUESTS_PER_IP = 120;
const limiter = new RateLimiterMemory({
  keyPrefix: "help-ip",
  points: REQUESTS_PER_IP,
  duration: WINDOW_SECONDS,
});

async function overBudget(shopDomain: string, ip: string): Promise<number | null> {
  try {
    await limiter.consume(`${shopDomain}:${ip}`);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

/** Control characters (NUL included) are never part of what a shopper meant to type. */
function cleanText(value: string | null): string {
  return (value ?? "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function render(
  context: HelpContext,
  locale: ShopperLocale,
  localeParam: string | null,
  view: HelpView,
  status: HelpResponse["status"],
  extra: Partial<HelpResponse> = {},
): Promise<HelpResponse> {
  const [shop, settings, { articles }] = await Promise.all([
    shopProfile(context.shopDomain),
    getShopSettings(context.shopDomain),
    publishedArticles(context.shopDomain, locale),
  ]);
  const markup = renderToStaticMarkup(
    HelpPage({
      locale,
      localeParam,
      branding: shop?.branding ?? ShopSettingsSchema.parse({}).branding,
      shopName: shop?.name ?? context.shopDomain,
      supportEmail: settings.supportEmail,
      articles: articles.map((article) => ({
        slug: article.slug,
        kind: article.kind,
        category: article.category,
        title: article.title,
        answerHtml: article.kind === "faq" ? renderMarkdown(article.body) : undefined,
      })),
      view,
    }),
  );
  // The route sends it through the storefront's Liquid-safe shell (app/storefront).
  return { status, html: `<style>${HELP_STYLES}</style>${markup}`, ...extra };
}

/** GET /apps/aftercare/help: the home page, a search (?q=) or one article (?article=slug). */
export async function helpPage(
  context: HelpContext,
  search: URLSearchParams,
): Promise<HelpResponse> {
  const localeParam = search.get("locale")?.slice(0, 20) ?? null;
  const locale = negotiateLocale([localeParam], context.acceptLanguage);
  const home = (extra: Partial<Extract<HelpView, { kind: "home" }>> = {}): HelpView => ({
    kind: "home",
    query: "",
    hits: null,
    error: null,
    assistant: NO_QUESTION,
    ...extra,
  });
  const wait = await overBudget(context.shopDomain, context.ip);
  if (wait !== null) {
    return render(
      context,
      locale,
      localeParam,
      home({ error: { key: "tooMany", values: { seconds: wait } } }),
      429,
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const shop = await shopProfile(context.shopDomain);
  if (!shop?.installed) return { status: 404, html: "" };

  const slug = search.get("article");
  if (slug !== null) {
    const { articles } = await publishedArticles(context.shopDomain, locale);
    const article = articles.find((entry) => entry.slug === slug);
    if (!article) return render(context, locale, localeParam, { kind: "notFound" }, 404);
    return render(
      context,
      locale,
      localeParam,
      {
        kind: "article",
        id: article.id,
        title: article.title,
        category: article.category,
        html: renderMarkdown(article.body),
        thanks: search.get("feedback") === "thanks",
      },
      200,
    );
  }

  const query = cleanText(search.get("q"));
  if (query.length > MAX_QUERY_CHARS) {
    return render(context, locale, localeParam, home({ error: { key: "queryTooLong" } }), 400);
  }
  if (!query) return render(context, locale, localeParam, home(), 200);
  const { locale: articleLocale, articles } = await publishedArticles(context.shopDomain, locale);
  const hits = searchArticles(context.shopDomain, articleLocale, articles, query);
  return render(context, locale, localeParam, home({ query, hits }), 200);
}

/** POST /apps/aftercare/help: a question for the assistant, or "did this help?" on an article. */
export function helpPost(context: HelpContext, search: URLSearchParams, form: URLSearchParams) {
  switch (form.get("intent")) {
    case "ask":
      return helpAsk(context, search, form);
    case "contact":
      return helpContact(context, search, form);
    default:
      return helpFeedback(context, search, form);
  }
}

/** The assistant's answer on the help center's home page (a plain form: no JavaScript needed). */
async function helpAsk(
  context: HelpContext,
  search: URLSearchParams,
  form: URLSearchParams,
): Promise<HelpResponse> {
  const localeParam = search.get("locale")?.slice(0, 20) ?? null;
  const locale = negotiateLocale([localeParam], context.acceptLanguage);
  const fields = {
    orderNumber: (form.get("order") ?? "").slice(0, 100),
    email: (form.get("email") ?? "").slice(0, 300),
    question: (form.get("question") ?? "").slice(0, 1000),
  };
  const result = await askAssistant({ ...context, locale, ...fields });
  const view: HelpView = {
    kind: "home",
    query: "",
    hits: null,
    error: null,
    assistant: { form: fields, result },
  };
  const status = result.ok ? 200 : ASSISTANT_ERROR_STATUS[result.error];
  return render(context, locale, localeParam, view, status, {
    retryAfterSeconds: result.ok ? undefined : result.retryAfterSeconds,
  });
}

const HANDOFF_STATUS = { ...ASSISTANT_ERROR_STATUS, empty: 400, tooLong: 400 } as const;

/**
 * "Talk to a person" after the assistant's answer: the conversation opens (or the shopper's
 * unclosed one about the order grows) and the shopper goes to its page (post/redirect/get).
 */
async function helpContact(
  context: HelpContext,
  search: URLSearchParams,
  form: URLSearchParams,
): Promise<HelpResponse> {
  const localeParam = search.get("locale")?.slice(0, 20) ?? null;
  const locale = negotiateLocale([localeParam], context.acceptLanguage);
  const fields = {
    orderNumber: (form.get("order") ?? "").slice(0, 100),
    email: (form.get("email") ?? "").slice(0, 300),
    question: cleanText(form.get("question")).slice(0, MAX_QUESTION_CHARS),
  };
  const answerKey = form.get("answer");
  const answer = HANDOFF_ANSWERS.find((key) => key === answerKey) ?? "human";
  const message = form.get("message") ?? "";
  const result = await openConversation({
    shopDomain: context.shopDomain,
    ip: context.ip,
    locale,
    ...fields,
    assistantAnswer: assistantTranslator(locale)(answer, { order: fields.orderNumber }).replace(
      /\s*:\s*$/,
      ".",
    ),
    origin: answer,
    message,
  });
  if (result.ok) {
    const next = new URLSearchParams({ t: result.token, locale });
    return { status: 303, location: `${context.storefrontPath}/conversation?${next}` };
  }
  const view: HelpView = {
    kind: "home",
    query: "",
    hits: null,
    error: null,
    assistant: {
      form: fields,
      result: null,
      handoff: {
        answer,
        message: message.slice(0, MAX_MESSAGE_CHARS),
        error: result.error,
        seconds: result.retryAfterSeconds,
      },
    },
  };
  return render(context, locale, localeParam, view, HANDOFF_STATUS[result.error], {
    retryAfterSeconds: result.retryAfterSeconds,
  });
}

/**
 * "Did this help?" on an article, then back to it with thanks (post/redirect/get).
 */
async function helpFeedback(
  context: HelpContext,
  search: URLSearchParams,
  form: URLSearchParams,
): Promise<HelpResponse> {
  const articleId = form.get("article");
  const helpful = form.get("helpful");
  if (typeof articleId !== "string" || (helpful !== "yes" && helpful !== "no")) {
    return helpPage(context, new URLSearchParams({ article: "" }));
  }
  const wait = await overBudget(context.shopDomain, context.ip);
  if (wait !== null) return helpPage(context, search);
  const slug = await recordFeedback({
    shopDomain: context.shopDomain,
    articleId: articleId.slice(0, 40),
    helpful: helpful === "yes",
    ip: context.ip,
  });
  if (!slug) return helpPage(context, new URLSearchParams({ article: "" }));
  const next = new URLSearchParams({ article: slug, feedback: "thanks" });
  const localeParam = search.get("locale");
  if (localeParam) next.set("locale", localeParam.slice(0, 20));
  return { status: 303, location: `${context.storefrontPath}?${next}` };
}
