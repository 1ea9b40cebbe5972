import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { BlockStack, Card, EmptyState, IndexTable, Page, Pagination, Text } from "@shopify/polaris";
import { customerMessages } from "../analytics/customer-messages";
import { searchCustomers } from "../analytics/index.server";
import { ListSearch } from "../components/ListSearch";
import { useShop } from "../components/ShopContext";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

/** Customers: search by email, name, phone or order number; each opens their record. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const params = new URL(request.url).searchParams;
  const query = params.get("query")?.slice(0, 200) || undefined;
  const page = Math.max(1, Math.min(Number(params.get("page")) || 1, 10_000));
  const result = await searchCustomers(shop, query, page);
  return { ...result, query, page };
};

export default function Customers() {
  const { customers, hasNext, query, page } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const t = customerMessages(negotiateLocale([useShop().locale]));
  const [searchParams, setSearchParams] = useSearchParams();
  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next);
  };
  return (
    <Page title={t("listTitle")} subtitle={t("listSubtitle")} backAction={{ url: "/app" }}>
      <Card padding="0">
        <BlockStack>
          <div style={{ padding: 16 }}>
            <ListSearch
              label={t("searchLabel")}
              placeholder={t("searchPlaceholder")}
              current={query}
              onSearch={(value) => go({ query: value, page: undefined })}
            />
          </div>
          {customers.length === 0 ? (
            <EmptyState heading={query ? t("noMatch") : t("noCustomers")} image="">
              <p>{query ? t("noMatchBody") : t("noCustomersBody")}</p>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: t("customerSingular"), plural: t("customerPlural") }}
              itemCount={customers.length}
              selectable={false}
              headings={[
                { title: t("colName") },
                { title: t("colEmail") },
                { title: t("colPhone") },
                { title: t("colOrders"), alignment: "end" },
              ]}
            >
              {customers.map((customer, index) => (
                <IndexTable.Row
                  id={customer.id}
                  key={customer.id}
                  position={index}
                  onClick={() => navigate(`/app/customers/${customer.id}`)}
                >
                  <IndexTable.Cell>
                    <Text as="span" fontWeight="semibold">
                      {customer.name}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{customer.email ?? "—"}</IndexTable.Cell>
                  <IndexTable.Cell>{customer.phone ?? "—"}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {customer.orders}
                    </Text>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
          <div style={{ padding: 16 }}>
            <Pagination
              hasPrevious={page > 1}
              hasNext={hasNext}
              onPrevious={() => go({ page: String(page - 1) })}
              onNext={() => go({ page: String(page + 1) })}
            />
          </div>
        </BlockStack>
      </Card>
    </Page>
  );
}
