import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import {
  LedgerCard,
  MemberStandingCards,
  RewardsIssuedCard,
  TierHistoryCard,
} from "../components/LoyaltyMemberCards";
import { useShop } from "../components/ShopContext";
import { db } from "../db.server";
import { adjustPoints, AdjustmentSchema } from "../loyalty/admin.server";
import { adjustmentIssue, loyaltyMessages } from "../loyalty/admin-messages";
import { memberSummary } from "../loyalty/queries.server";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import { adminLocale } from "../shops/shops.server";
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
    const locale = await adminLocale(shop);
    const t = loyaltyMessages(locale);
    return Response.json(
      {
        ok: false,
        error: parsed.error.issues.map((issue) => adjustmentIssue(t, locale, issue)).join(" "),
      },
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
  const t = loyaltyMessages(negotiateLocale([shop.locale]));
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
    t("customerFallback", { id: member.customerShopifyId });

  return (
    <Page
      backAction={{ content: t("title"), url: "/app/loyalty" }}
      title={name}
      subtitle={member.email ?? undefined}
      titleMetadata={summary.tier ? <Badge tone="info">{summary.tier}</Badge> : undefined}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <MemberStandingCards standing={summary} />
            <LedgerCard entries={summary.entries} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <Form method="post">
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("adjustTitle")}
                  </Text>
                  {result && !result.ok && (
                    <Banner tone="critical" title={t("notAdjusted")}>
                      <p>{result.error}</p>
                    </Banner>
                  )}
                  {result?.ok && <Banner tone="success" title={t("adjusted")} />}
                  <input type="hidden" name="requestKey" value={requestKey} />
                  <TextField
                    label={t("adjustPoints")}
                    name="points"
                    type="number"
                    value={points}
                    onChange={setPoints}
                    autoComplete="off"
                    helpText={t("adjustPointsHelp")}
                  />
                  <TextField
                    label={t("adjustReason")}
                    name="reason"
                    value={reason}
                    onChange={setReason}
                    autoComplete="off"
                    requiredIndicator
                    helpText={t("adjustReasonHelp")}
                  />
                  <Button submit variant="primary" loading={navigation.state === "submitting"}>
                    {t("adjust")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            <TierHistoryCard changes={summary.tierChanges} />
            <RewardsIssuedCard redemptions={summary.redemptions} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
