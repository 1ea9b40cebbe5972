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
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { ListSearch } from "../components/ListSearch";
import { useShop } from "../components/ShopContext";
import { liabilityReport, listMembers, parseMemberFilter } from "../loyalty/admin.server";
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
      title="Loyalty"
      subtitle="Members, their points and tiers"
      primaryAction={{ content: "Program settings", url: "/app/loyalty/settings" }}
      secondaryActions={[{ content: "Liability report", url: "/app/loyalty/liability" }]}
    >
      <BlockStack gap="400">
        <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
          <Card>
            <Text as="h2" variant="headingSm">
              Members
            </Text>
            <Text as="p" variant="headingLg">
              {formatCount(report.members, shop.locale)}
            </Text>
          </Card>
          <Card>
            <Text as="h2" variant="headingSm">
              Spendable points
            </Text>
            <Text as="p" variant="headingLg">
              {formatCount(report.spendable, shop.locale)}
            </Text>
            <Text as="p" tone="subdued">
              {formatCount(report.pending, shop.locale)} pending the return window
            </Text>
          </Card>
          <Card>
            <Text as="h2" variant="headingSm">
              Outstanding liability
            </Text>
            <Text as="p" variant="headingLg">
              {formatMinor(report.liability, report.currency, shop.locale)}
            </Text>
          </Card>
        </InlineGrid>
        <Card padding="0">
          <div style={{ padding: 12 }}>
            <ListSearch
              label="Search members"
              placeholder="Email, name or customer id"
              current={filter.query}
              onSearch={(query) => update({ query })}
            />
          </div>
          {members.rows.length === 0 ? (
            filter.query ? (
              <EmptyState heading="No members match" image="">
                <p>Try another email or name, or clear the search.</p>
              </EmptyState>
            ) : (
              <EmptyState heading="No members yet" image="">
                <p>
                  Customers join when they place a paid order. Check the earning rules in Program
                  settings, with a preview of what a sample order earns.
                </p>
              </EmptyState>
            )
          ) : (
            <IndexTable
              resourceName={{ singular: "member", plural: "members" }}
              itemCount={members.rows.length}
              selectable={false}
              headings={[
                { title: "Customer" },
                { title: "Balance", alignment: "end" },
                { title: "Pending", alignment: "end" },
                { title: "Tier" },
                { title: "Last activity" },
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
                          `Customer ${member.customerShopifyId}`}
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
                  label={`Page ${filter.page} of ${pages}`}
                />
              </div>
            </InlineStack>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
