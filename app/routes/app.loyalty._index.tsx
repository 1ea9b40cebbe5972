import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Page,
  Pagination,
  Text,
} from "@shopify/polaris";
import { FigureCard } from "../components/FigureCard";
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { ListSearch } from "../components/ListSearch";
import { useShop } from "../components/ShopContext";
import { liabilityReport, listMembers, parseMemberFilter } from "../loyalty/admin.server";
import { loyaltyMessages } from "../loyalty/admin-messages";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseMemberFilter(new URL(request.url).searchParams);
  const [members, report] = await Promise.all([
    listMembers(shop, filter),
    liabilityReport(shop, new Date(), 1),
  ]);
  return { members, filter, report };
};

export default function LoyaltyMembers() {
  const { members, filter, report } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = loyaltyMessages(negotiateLocale([shop.locale]));
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setSearchParams(next);
  };
  const pages = Math.max(Math.ceil(members.total / members.pageSize), 1);

  return (
    <Page
      title={t("title")}
      subtitle={t("subtitle")}
      primaryAction={{ content: t("programSettings"), url: "/app/loyalty/settings" }}
      secondaryActions={[{ content: t("liabilityReport"), url: "/app/loyalty/liability" }]}
    >
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
          <FigureCard title={t("members")} value={formatCount(report.members, shop.locale)} />
          <FigureCard
            title={t("spendablePoints")}
            value={formatCount(report.spendable, shop.locale)}
            note={t("pendingReturnWindow", { points: formatCount(report.pending, shop.locale) })}
          />
          <FigureCard
            title={t("outstandingLiability")}
            value={formatMinor(report.liability, report.currency, shop.locale)}
          />
        </InlineGrid>
        <Card padding="0">
          <div style={{ padding: 12 }}>
            <ListSearch
              label={t("searchLabel")}
              placeholder={t("searchPlaceholder")}
              current={filter.query}
              onSearch={(query) => update({ query })}
            />
          </div>
          {members.rows.length === 0 ? (
            filter.query ? (
              <EmptyState heading={t("noMatch")} image="">
                <p>{t("noMatchBody")}</p>
              </EmptyState>
            ) : (
              <EmptyState heading={t("noMembers")} image="">
                <p>{t("noMembersBody")}</p>
              </EmptyState>
            )
          ) : (
            <IndexTable
              resourceName={{ singular: t("memberSingular"), plural: t("memberPlural") }}
              itemCount={members.rows.length}
              selectable={false}
              headings={[
                { title: t("colCustomer") },
                { title: t("colBalance"), alignment: "end" },
                { title: t("colPending"), alignment: "end" },
                { title: t("colTier") },
                { title: t("colLastActivity") },
              ]}
            >
              {members.rows.map((member, index) => (
                <IndexTable.Row
                  id={member.id}
                  key={member.id}
                  position={index}
                  onClick={() => navigate(`/app/loyalty/members/${member.id}`)}
                >
                  <IndexTable.Cell>
                    <BlockStack gap="050">
                      <Text as="span" fontWeight="semibold">
                        {[member.firstName, member.lastName].filter(Boolean).join(" ") ||
                          member.email ||
                          t("customerFallback", { id: member.customerShopifyId })}
                      </Text>
                      <Text as="span" tone="subdued">
                        {member.email}
                      </Text>
                    </BlockStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text
                      as="span"
                      alignment="end"
                      tone={member.balance < 0 ? "critical" : undefined}
                    >
                      {formatCount(member.balance, shop.locale)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end">
                      {formatCount(member.pending, shop.locale)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {member.tier ? <Badge>{member.tier}</Badge> : "—"}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {formatDateTime(member.lastActivityAt, shop.timezone, shop.locale)}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
          {pages > 1 && (
            <InlineStack align="center">
              <div style={{ padding: 12 }}>
                <Pagination
                  hasPrevious={filter.page > 1}
                  hasNext={filter.page < pages}
                  onPrevious={() => update({ page: String(filter.page - 1) })}
                  onNext={() => update({ page: String(filter.page + 1) })}
                  label={t("pageOf", { page: filter.page, pages })}
                />
              </div>
            </InlineStack>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
