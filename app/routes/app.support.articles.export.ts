import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "../platform/csv";
import { requireAdminShop } from "../shopify.server";
import { listArticles, parseArticleFilter } from "../support/index.server";

/** The help center's articles matching the list's filters, with their "did this help?" answers. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const articles = await listArticles(shop, parseArticleFilter(new URL(request.url).searchParams));
  return csvResponse(
    "help-articles.csv",
    toCsv(
      [
        "id",
        "title",
        "type",
        "language",
        "category",
        "address",
        "published",
        "source",
        "helpful",
        "not_helpful",
        "updated_at",
      ],
      articles.map((article) => [
        article.id,
        article.title,
        article.kind,
        article.locale,
        article.category,
        article.slug,
        article.published ? "yes" : "no",
        article.source,
        article.feedback.helpful,
        article.feedback.notHelpful,
        article.updatedAt.toISOString(),
      ]),
    ),
  );
};
