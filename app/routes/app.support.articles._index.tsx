import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { formatDateTime } from "../components/format";
import { ListSearch } from "../components/ListSearch";
import { useCsvExport } from "../components/download";
import { useShop } from "../components/ShopContext";
import { SHOPPER_LOCALES, type ShopperLocale } from "../platform/i18n";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import { generateStarterArticles, listArticles, parseArticleFilter } from "../support/index.server";
import { LANGUAGE_NAMES } from "../support/languages";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseArticleFilter(new URL(request.url).searchParams);
  return { filter, articles: await listArticles(shop, filter) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  if (form.get("intent") !== "starter") return { starter: null };
  return { starter: await generateStarterArticles(shop, SHOPPER_LOCALES) };
};

export default function HelpCenterArticles() {
  const { filter, articles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const shop = useShop();
  const navigate = useNavigate();
  const submit = useSubmit();
  const generating = useNavigation().formData?.get("intent") === "starter";
  const [searchParams, setSearchParams] = useSearchParams();
  const exportAction = useCsvExport(
    `/app/support/articles/export?${searchParams}`,
    "help-articles",
  );
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next);
  };
  const createStarters = () => submit({ intent: "starter" }, { method: "post" });
  const filtered = Boolean(filter.language || filter.query);

  return (
    <Page
      title="Help center"
      subtitle="Articles and FAQs on your storefront at /apps/aftercare/help"
      primaryAction={{ content: "New article", url: "/app/support/articles/new" }}
      secondaryActions={[
        {
          content: "Create starter articles",
          loading: generating,
          onAction: createStarters,
          helpText: "Written from your return policy, delivery times and loyalty program",
        },
        exportAction,
      ]}
    >
      <BlockStack gap="400">
        {result?.starter && (
          <Banner tone="success" title="Starter articles ready">
            <p>
              {result.starter.created} created in English, French, German and Spanish
              {result.starter.kept > 0 &&
                `; ${result.starter.kept} already existed and were kept as you left them`}
              . Review them before shoppers read them.
            </p>
          </Banner>
        )}
        <Card padding="0">
          <div style={{ padding: 12, display: "flex", gap: 12, alignItems: "end" }}>
            <div style={{ flex: 1 }}>
              <ListSearch
                label="Search articles"
                placeholder="Title or category"
                current={filter.query}
                onSearch={(query) => update({ query })}
              />
            </div>
            <Select
              label="Language"
              options={[
                { label: "All languages", value: "" },
                ...SHOPPER_LOCALES.map((locale) => ({
                  label: LANGUAGE_NAMES[locale],
                  value: locale,
                })),
              ]}
              value={filter.language ?? ""}
              onChange={(language) => update({ language })}
            />
          </div>
          {articles.length === 0 ? (
            filtered ? (
              <EmptyState heading="No articles match" image="">
                <p>Try another title or language, or clear the search.</p>
              </EmptyState>
            ) : (
              <EmptyState
                heading="Write your help center"
                image=""
                action={{ content: "Create starter articles", onAction: createStarters }}
                secondaryAction={{ content: "Write an article", url: "/app/support/articles/new" }}
              >
                <p>
                  Start from articles written from your own return policy, delivery times and
                  loyalty program in four languages, then edit them, or write your own.
                </p>
              </EmptyState>
            )
          ) : (
            <IndexTable
              resourceName={{ singular: "article", plural: "articles" }}
              itemCount={articles.length}
              selectable={false}
              headings={[
                { title: "Title" },
                { title: "Type" },
                { title: "Language" },
                { title: "Category" },
                { title: "Status" },
                { title: "Helpful", alignment: "end" },
                { title: "Updated" },
              ]}
            >
              {articles.map((article, index) => (
                <IndexTable.Row
                  id={article.id}
                  key={article.id}
                  position={index}
                  onClick={() => navigate(`/app/support/articles/${article.id}`)}
                >
                  <IndexTable.Cell>
                    <Text as="span" fontWeight="semibold">
                      {article.title}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{article.kind === "faq" ? "FAQ" : "Article"}</IndexTable.Cell>
                  <IndexTable.Cell>
                    {LANGUAGE_NAMES[article.locale as ShopperLocale] ?? article.locale}
                  </IndexTable.Cell>
                  <IndexTable.Cell>{article.category}</IndexTable.Cell>
                  <IndexTable.Cell>
                    {article.published ? (
                      <Badge tone="success">Published</Badge>
                    ) : (
                      <Badge>Draft</Badge>
                    )}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end">
                      {article.feedback.helpful} yes · {article.feedback.notHelpful} no
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {formatDateTime(article.updatedAt, shop.timezone, shop.locale)}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
