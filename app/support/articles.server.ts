import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "../db.server";
import { isUniqueViolation } from "../platform/db/errors";
import { SHOPPER_LOCALES, type ShopperLocale } from "../platform/i18n";
import { loadProgram } from "../loyalty/index.server";
import { loadPolicy } from "../returns/index.server";
import { getShop } from "../shops/index.server";
import { deliveryPerformance } from "../tracking/index.server";
import { MAX_BODY_CHARS } from "./limits";
import { markdownText } from "./markdown";
import { buildIndex, searchIndex, type SearchHit } from "./search";
import { starterArticles, type ShopPolicyFacts } from "./starter";

/** A help center stays a help center: beyond these the admin says why it refuses. */
export const MAX_ARTICLES_PER_SHOP = 500;

const ArticleInputSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title").max(200),
  slug: z
    .string()
    .trim()
    .max(80)
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, "Use lower-case letters, digits and dashes")
    .default(""),
  category: z.string().trim().max(80).default(""),
  kind: z.enum(["article", "faq"]).default("article"),
  locale: z.enum(SHOPPER_LOCALES).default("en"),
  body: z
    .string()
    .max(MAX_BODY_CHARS, `Keep the text under ${MAX_BODY_CHARS.toLocaleString("en")} characters`)
    .refine((body) => body.trim().length > 0, "Write the article's text"),
  published: z.boolean().default(true),
});
export type ArticleInput = z.input<typeof ArticleInputSchema>;

export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; errors: Partial<Record<keyof ArticleInput | "form", string[]>> };

/** "Où est ma commande ?" → "ou-est-ma-commande". */
export function slugify(title: string): string {
  return (
    title
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "article"
  );
}

/** Creates (id null) or updates one of the shop's articles. */
export async function saveArticle(
  shopDomain: string,
  id: string | null,
  input: unknown,
): Promise<SaveResult> {
  const parsed = ArticleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors };
  const { slug: typedSlug, ...fields } = parsed.data;
  const slug = typedSlug || slugify(fields.title);
  try {
    if (id) {
      const { count } = await db.supportArticle.updateMany({
        where: { id, shopDomain },
        data: { ...fields, slug },
      });
      return count ? { ok: true, id } : { ok: false, errors: { form: ["Article not found"] } };
    }
    if ((await db.supportArticle.count({ where: { shopDomain } })) >= MAX_ARTICLES_PER_SHOP) {
      return {
        ok: false,
        errors: { form: [`A help center holds up to ${MAX_ARTICLES_PER_SHOP} articles`] },
      };
    }
    const created = await db.supportArticle.create({ data: { shopDomain, ...fields, slug } });
    return { ok: true, id: created.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      ok: false,
      errors: { slug: [`Another article in this language already lives at "${slug}"`] },
    };
  }
}

export async function deleteArticle(shopDomain: string, id: string) {
  const { count } = await db.supportArticle.deleteMany({ where: { id, shopDomain } });
  return count > 0;
}

export function getArticle(shopDomain: string, id: string) {
  return db.supportArticle.findFirst({ where: { id, shopDomain } });
}

/** Helpful and not helpful answers per article. */
async function feedbackCounts(shopDomain: string, articleIds: string[]) {
  const groups = await db.supportArticleFeedback.groupBy({
    by: ["articleId", "helpful"],
    where: { shopDomain, articleId: { in: articleIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, { helpful: number; notHelpful: number }>();
  for (const group of groups) {
    const entry = counts.get(group.articleId) ?? { helpful: 0, notHelpful: 0 };
    if (group.helpful) entry.helpful = group._count._all;
    else entry.notHelpful = group._count._all;
    counts.set(group.articleId, entry);
  }
  return counts;
}

/** `language`, not `locale`: Shopify's admin puts its own `locale` on every app URL. */
export const ArticleFilterSchema = z.object({
  language: z.enum(SHOPPER_LOCALES).optional().catch(undefined),
  query: z.string().trim().max(100).default("").catch(""),
});
export type ArticleFilter = z.infer<typeof ArticleFilterSchema>;

export function parseArticleFilter(params: URLSearchParams): ArticleFilter {
  return ArticleFilterSchema.parse({
    language: params.get("language") || undefined,
    query: params.get("query") ?? "",
  });
}

/** The admin's list: every article of the shop (or one language), with its feedback. */
export async function listArticles(shopDomain: string, filter: ArticleFilter) {
  const query = filter.query.toLowerCase();
  const articles = (
    await db.supportArticle.findMany({
      where: { shopDomain, ...(filter.language ? { locale: filter.language } : {}) },
      orderBy: [{ locale: "asc" }, { category: "asc" }, { title: "asc" }],
      select: {
        id: true,
        kind: true,
        locale: true,
        category: true,
        title: true,
        slug: true,
        published: true,
        source: true,
        updatedAt: true,
      },
    })
  ).filter(
    (article) =>
      !query ||
      article.title.toLowerCase().includes(query) ||
      article.category.toLowerCase().includes(query),
  );
  const counts = await feedbackCounts(
    shopDomain,
    articles.map((article) => article.id),
  );
  return articles.map((article) => ({
    ...article,
    feedback: counts.get(article.id) ?? { helpful: 0, notHelpful: 0 },
  }));
}

/** What the starter articles are written from: the shop's return policy, deliveries and program. */
export async function shopPolicyFacts(shopDomain: string): Promise<ShopPolicyFacts> {
  const [policy, program, performance, shop] = await Promise.all([
    loadPolicy(shopDomain),
    loadProgram(shopDomain),
    deliveryPerformance(shopDomain, 180),
    getShop(shopDomain),
  ]);
  return {
    returnWindowDays: policy.windowDays,
    resolutions: policy.resolutions,
    transit:
      performance.medianTransitDays !== null && performance.p90TransitDays !== null
        ? {
            median: performance.medianTransitDays,
            p90: performance.p90TransitDays,
            delivered: performance.delivered,
          }
        : null,
    loyalty: program.enabled
      ? {
          pointsPerUnit: program.pointsPerUnit,
          currency: shop?.currencyCode ?? "USD",
          rewards: program.rewards.map((reward) => ({ name: reward.name, points: reward.points })),
          expiryInactiveDays: program.expiryInactiveDays,
        }
      : null,
  };
}

/**
 * Writes the starter articles in the given languages. An article already at a starter's address
 * is the merchant's (perhaps edited): it is kept as it is.
 */
export async function generateStarterArticles(
  shopDomain: string,
  locales: readonly ShopperLocale[],
): Promise<{ created: number; kept: number }> {
  const facts = await shopPolicyFacts(shopDomain);
  let created = 0;
  let kept = 0;
  for (const locale of locales) {
    for (const article of starterArticles(facts, locale)) {
      try {
        await db.supportArticle.create({ data: { shopDomain, locale, ...article } });
        created += 1;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        kept += 1;
      }
    }
  }
  return { created, kept };
}

export interface PublishedArticle {
  id: string;
  slug: string;
  kind: string;
  category: string;
  title: string;
  body: string;
  updatedAt: Date;
}

/**
 * The language the help center shows articles in: the shopper's when the shop wrote any in it,
 * else the shop's primary language, else whichever language has articles.
 */
async function articleLocale(shopDomain: string, wanted: ShopperLocale): Promise<string | null> {
  const groups = await db.supportArticle.groupBy({
    by: ["locale"],
    where: { shopDomain, published: true },
    _count: { _all: true },
  });
  const available = new Set(groups.map((group) => group.locale));
  if (available.has(wanted)) return wanted;
  const primary = (await getShop(shopDomain))?.primaryLocale.split("-")[0];
  if (primary && available.has(primary)) return primary;
  return groups[0]?.locale ?? null;
}

const indexes = new Map<string, { stamp: string; index: ReturnType<typeof buildIndex> }>();

/** The published articles a shopper sees, in the best language available to them. */
export async function publishedArticles(shopDomain: string, wanted: ShopperLocale) {
  const locale = await articleLocale(shopDomain, wanted);
  if (!locale) return { locale: wanted, articles: [] as PublishedArticle[] };
  const articles = await db.supportArticle.findMany({
    where: { shopDomain, locale, published: true },
    orderBy: [{ category: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      kind: true,
      category: true,
      title: true,
      body: true,
      updatedAt: true,
    },
  });
  return { locale, articles };
}

/**
 * Full-text search over the articles shown; the index is rebuilt only when an article changed
 * (kept per shop and language in this process).
 */
export function searchArticles(
  shopDomain: string,
  locale: string,
  articles: PublishedArticle[],
  query: string,
): SearchHit[] {
  const key = `${shopDomain}\u0000${locale}`;
  const stamp = articles.map((a) => `${a.id}@${a.updatedAt.getTime()}`).join(",");
  let cached = indexes.get(key);
  if (!cached || cached.stamp !== stamp) {
    cached = {
      stamp,
      index: buildIndex(
        articles.map((article) => ({
          id: article.id,
          slug: article.slug,
          kind: article.kind,
          category: article.category,
          title: article.title,
          text: markdownText(article.body),
        })),
      ),
    };
    indexes.set(key, cached);
  }
  return searchIndex(cached.index, query);
}

/**
 * One "did this help?" answer, once per article, shopper address and day (a second click the
 * same day changes nothing). Answers the article's address, or null when it is not one of the
 * shop's published articles.
 */
export async function recordFeedback(input: {
  shopDomain: string;
  articleId: string;
  helpful: boolean;
  ip: string;
  now?: Date;
}): Promise<string | null> {
  const article = await db.supportArticle.findFirst({
    where: { id: input.articleId, shopDomain: input.shopDomain, published: true },
    select: { id: true, slug: true },
  });
  if (!article) return null;
  const day = (input.now ?? new Date()).toISOString().slice(0, 10);
  const voterKey = createHash("sha256")
    .update(`${input.shopDomain}\u0000${input.ip}\u0000${day}`)
    .digest("hex");
  try {
    await db.supportArticleFeedback.create({
      data: {
        shopDomain: input.shopDomain,
        articleId: article.id,
        voterKey,
        helpful: input.helpful,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return article.slug;
}
