import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  FormLayout,
  IndexTable,
  InlineGrid,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { db } from "../db.server";
import { adjustPoints, AdjustmentSchema } from "../loyalty/admin.server";
import { entryLabel } from "../loyalty/labels";
import { memberSummary } from "../loyalty/queries.server";
import { requireAdminShop } from "../shopify.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

async function findMember(shop: string, id: string | undefined) {
  const member = id ? await db.loyaltyMember.findFirst({ where: { id, shopDomain: shop } }) : null;
  if (!member) throw new Response("Not found", { status: 404 });
  return member;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const member = await findMember(shop, params.id);
  const summary = await memberSummary(shop, member.customerShopifyId, 200);
  return {
    member,
    summary: {
      balance: summary.balance,
      pending: summary.pending,
      tier: summary.tier,
      qualifying: summary.qualifying,
      tierBasis: summary.tierBasis,
      next: summary.next && { name: summary.next.tier.name, remaining: summary.next.remaining },
      currency: summary.currency,
      entries: summary.entries,
      redemptions: summary.redemptions,
      tierChanges: summary.tierChanges,
    },
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop, sessionToken } = await requireAdminShop(request);
  const member = await findMember(shop, params.id);
  const form = Object.fromEntries(await readForm(request, BODY_LIMITS.adminForm));
  const parsed = AdjustmentSchema.safeParse(form);
  if (!parsed.success) {
    return Response.json(
      { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("; ") },
      { status: 400 },
    );
  }
  const actor = `staff:${sessionToken?.sub ?? "unknown"}`;
  await adjustPoints(shop, member.id, parsed.data, actor);
  return Response.json({ ok: true, error: null });
};

export default function LoyaltyMember() {
  const { member, summary } = useLoaderData<typeof loader>();
  const result = useActionData<{ ok: boolean; error: string | null }>();
  const navigation = useNavigation();
  const shop = useShop();
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID());
  useEffect(() => {
    if (result?.ok) {
      setPoints("");
      setReason("");
      setRequestKey(crypto.randomUUID());
    }
  }, [result]);
  const name =
    [member.firstName, member.lastName].filter(Boolean).join(" ") ||
    member.email ||
    `Customer ${member.customerShopifyId}`;

  return (
    <Page
      backAction={{ content: "Loyalty", url: "/app/loyalty" }}
      title={name}
      subtitle={member.email ?? undefined}
      titleMetadata={summary.tier ? <Badge tone="info">{summary.tier}</Badge> : undefined}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              <Card>
                <Text as="h2" variant="headingSm">
                  Balance
                </Text>
                <Text
                  as="p"
                  variant="headingLg"
                  tone={summary.balance < 0 ? "critical" : undefined}
                >
                  {formatCount(summary.balance, shop.locale)} points
                </Text>
                {summary.balance < 0 && (
                  <Text as="p" tone="subdued">
                    Negative: a refund took back points that were already spent.
                  </Text>
                )}
              </Card>
              <Card>
                <Text as="h2" variant="headingSm">
                  Pending
                </Text>
                <Text as="p" variant="headingLg">
                  {formatCount(summary.pending, shop.locale)} points
                </Text>
                <Text as="p" tone="subdued">
                  Confirmed when the return window closes
                </Text>
              </Card>
              <Card>
                <Text as="h2" variant="headingSm">
                  Tier
                </Text>
                <Text as="p" variant="headingLg">
                  {summary.tier ?? "No tier"}
                </Text>
                <Text as="p" tone="subdued">
                  {summary.tierBasis === "spend"
                    ? `${formatMinor(summary.qualifying, summary.currency, shop.locale)} spent`
                    : `${formatCount(summary.qualifying, shop.locale)} points earned`}{" "}
                  in 12 months
                  {summary.next
                    ? ` · ${formatCount(summary.next.remaining, shop.locale)} to ${summary.next.name}`
                    : ""}
                </Text>
              </Card>
            </InlineGrid>
            <Card padding="0">
              <div style={{ padding: 16 }}>
                <Text as="h2" variant="headingMd">
                  Ledger
                </Text>
              </div>
              {summary.entries.length === 0 ? (
                <EmptyState heading="No points yet" image="">
                  <p>Points appear here when this customer places a paid order.</p>
                </EmptyState>
              ) : (
                <IndexTable
                  resourceName={{ singular: "entry", plural: "entries" }}
                  itemCount={summary.entries.length}
                  selectable={false}
                  headings={[
                    { title: "Date" },
                    { title: "What" },
                    { title: "Points", alignment: "end" },
                    { title: "Pending", alignment: "end" },
                    { title: "Note" },
                  ]}
                >
                  {summary.entries.map((entry, index) => (
                    <IndexTable.Row id={entry.id} key={entry.id} position={index}>
                      <IndexTable.Cell>
                        {formatDateTime(entry.createdAt, shop.timezone, shop.locale)}
                      </IndexTable.Cell>
                      <IndexTable.Cell>{entryLabel(entry.source, entry.kind)}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end">
                          {entry.points ? formatCount(entry.points, shop.locale) : ""}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end">
                          {entry.pendingPoints ? formatCount(entry.pendingPoints, shop.locale) : ""}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {[entry.note, entry.actor].filter(Boolean).join(" · ")}
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              )}
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <Form method="post">
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    Adjust points
                  </Text>
                  {result && !result.ok && (
                    <Banner tone="critical" title="Not adjusted">
                      <p>{result.error}</p>
                    </Banner>
                  )}
                  {result?.ok && <Banner tone="success" title="Points adjusted" />}
                  <input type="hidden" name="requestKey" value={requestKey} />
                  <TextField
                    label="Points"
                    name="points"
                    type="number"
                    value={points}
                    onChange={setPoints}
                    autoComplete="off"
                    helpText="Negative to deduct"
                  />
                  <TextField
                    label="Reason"
                    name="reason"
                    value={reason}
                    onChange={setReason}
                    autoComplete="off"
                    requiredIndicator
                    helpText="Kept in the ledger with your name"
                  />
                  <Button submit variant="primary" loading={navigation.state === "submitting"}>
                    Adjust
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Tier history
                </Text>
                {summary.tierChanges.length === 0 ? (
                  <Text as="p" tone="subdued">
                    No promotions or demotions yet.
                  </Text>
                ) : (
                  summary.tierChanges.map((change) => (
                    <Text as="p" key={change.id}>
                      {formatDateTime(change.createdAt, shop.timezone, shop.locale)}:{" "}
                      {change.direction === "promotion" ? "Promoted" : "Demoted"} from{" "}
                      {change.fromTier ?? "no tier"} to {change.toTier ?? "no tier"}
                    </Text>
                  ))
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Rewards issued
                </Text>
                {summary.redemptions.length === 0 ? (
                  <Text as="p" tone="subdued">
                    None yet.
                  </Text>
                ) : (
                  summary.redemptions.map((redemption) => (
                    <Text as="p" key={redemption.id}>
                      {redemption.code ?? "Store credit"} ·{" "}
                      {formatCount(redemption.points, shop.locale)} points
                    </Text>
                  ))
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
