import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineGrid,
  InlineStack,
  Layout,
  Link as PolarisLink,
  Page,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { customerMessages, type CustomerMessageKey } from "../analytics/customer-messages";
import { customerRecord } from "../analytics/index.server";
import { exportCustomerData, redactCustomerData } from "../compliance/compliance.server";
import { resendDeliverySurvey } from "../flows/index.server";
import { downloadFromApp, useCsvExport } from "../components/download";
import { formatDateTime, formatMinor } from "../components/format";
import { ResendSurveyForm } from "../components/ResendSurveyForm";
import { useShop } from "../components/ShopContext";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { negotiateLocale } from "../platform/i18n";
import { adminLocale } from "../shops/shops.server";
import { requireAdminShop } from "../shopify.server";

/** One customer's record: headline figures, actions, and everything that happened, newest first. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await customerRecord(shop, params.id ?? "", await adminLocale(shop));
  if (!record) throw new Response("Not found", { status: 404 });
  return { record, shop };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await customerRecord(shop, params.id ?? "");
  if (!record) throw new Response("Not found", { status: 404 });
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const subject = {
    shopDomain: shop,
    customerShopifyId: record.customer.shopifyId,
    email: record.customer.email,
    orderShopifyIds: record.orders.map((order) => order.shopifyId),
  };
  const none = { exported: null, erased: false, unconfirmed: false, surveyed: null };
  if (form.get("intent") === "export") {
    const request = await exportCustomerData(subject, null);
    return { ...none, exported: request.id };
  }
  if (form.get("intent") === "erase") {
    if (form.get("confirm") !== "yes") {
      return { ...none, unconfirmed: true };
    }
    await redactCustomerData(subject);
    return { ...none, erased: true };
  }
  if (form.get("intent") === "resend-survey") {
    return { ...none, surveyed: await resendDeliverySurvey(shop, subject.orderShopifyIds) };
  }
  throw new Response("Unknown action", { status: 400 });
};

const KIND_TONES = {
  order: "info",
  shipment: undefined,
  email: undefined,
  return: "attention",
  points: "success",
  survey: "magic",
  support: "warning",
} as const;

export default function CustomerPage() {
  const { record, shop: shopDomain } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const shop = useShop();
  const t = customerMessages(negotiateLocale([shop.locale]));
  const [confirm, setConfirm] = useState(false);
  const csv = useCsvExport(
    `/app/customers/${record.customer.id}/export`,
    `customer-${record.customer.shopifyId}-timeline`,
  );
  const { figures } = record;
  const money = (minor: number) =>
    figures.currency ? formatMinor(minor, figures.currency, shop.locale) : "—";
  const when = (date: Date | string | null) => formatDateTime(date, shop.timezone, shop.locale);
  const latestOrder = record.orders[0];
  const returnRate =
    figures.returnRate === null
      ? "—"
      : new Intl.NumberFormat(shop.locale, { style: "percent" }).format(figures.returnRate);
  const headline: [CustomerMessageKey, string][] = [
    ["figOrders", String(figures.orders)],
    ["figNetSpend", money(figures.netSpend)],
    ["figLifetimeValue", money(figures.lifetimeValue12)],
    ["figReturnRate", returnRate],
    ["figLastNps", figures.lastNps === null ? "—" : `${figures.lastNps}/10`],
    ["figTier", figures.tier ?? (figures.points === null ? t("notMember") : "—")],
    ["figPoints", figures.points === null ? "—" : String(figures.points)],
    ["figNextDelivery", figures.nextDelivery ? when(figures.nextDelivery) : "—"],
  ];

  return (
    <Page
      title={record.customer.name}
      subtitle={[record.customer.email, record.customer.phone].filter(Boolean).join(" · ")}
      backAction={{ url: "/app/customers" }}
      secondaryActions={[
        { content: t("exportTimeline"), onAction: csv.onAction, loading: csv.loading },
      ]}
    >
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
            {headline.map(([label, value]) => (
              <Card key={label}>
                <BlockStack gap="100">
                  <Text as="h2" variant="bodySm" tone="subdued">
                    {t(label)}
                  </Text>
                  <Text as="p" variant="headingMd">
                    {value}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("timeline")}
              </Text>
              {record.timeline.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("timelineEmpty")}
                </Text>
              ) : (
                <ol
                  style={{ listStyle: "none", padding: 0, margin: 0 }}
                  aria-label={t("timelineLabel")}
                >
                  {record.timeline.map((entry, index) => (
                    <li key={index} style={{ padding: "8px 0", borderBottom: "1px solid #e3e3e3" }}>
                      <InlineStack gap="200" blockAlign="center" wrap>
                        <Text as="span" variant="bodySm" tone="subdued">
                          {when(entry.at)}
                        </Text>
                        <Badge tone={entry.critical ? "critical" : KIND_TONES[entry.kind]}>
                          {t(`kind_${entry.kind}`)}
                        </Badge>
                        {entry.url ? (
                          <PolarisLink url={entry.url}>{entry.title}</PolarisLink>
                        ) : (
                          <Text as="span">{entry.title}</Text>
                        )}
                      </InlineStack>
                      {entry.detail && (
                        <Text as="p" tone="subdued">
                          {entry.detail}
                        </Text>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("actions")}
                </Text>
                {record.memberId ? (
                  <PolarisLink url={`/app/loyalty/members/${record.memberId}`}>
                    {t("adjustPoints")}
                  </PolarisLink>
                ) : (
                  <Text as="p" tone="subdued">
                    {t("notMemberYet")}
                  </Text>
                )}
                {latestOrder && (
                  <PolarisLink
                    url={`https://${shopDomain}/apps/aftercare/returns?order=${encodeURIComponent(latestOrder.name)}`}
                    target="_blank"
                  >
                    {t("openReturn", { order: latestOrder.name })}
                  </PolarisLink>
                )}
                {record.customer.email && (
                  <PolarisLink
                    url={`/app/returns?query=${encodeURIComponent(record.customer.email)}`}
                  >
                    {t("theirReturns")}
                  </PolarisLink>
                )}
                <ResendSurveyForm result={result?.surveyed} t={t} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("privacy")}
                </Text>
                {result?.unconfirmed && <Banner tone="warning">{t("confirmErasure")}</Banner>}
                {result?.erased && <Banner tone="success">{t("erased")}</Banner>}
                {result?.exported && (
                  <Button
                    variant="plain"
                    onClick={() =>
                      downloadFromApp(
                        `/app/privacy/${result.exported}`,
                        `customer-${record.customer.shopifyId}.json`,
                      )
                    }
                  >
                    {t("downloadExport")}
                  </Button>
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="export" />
                  <Button submit loading={navigation.formData?.get("intent") === "export"}>
                    {t("exportData")}
                  </Button>
                </Form>
                <Form method="post">
                  <BlockStack gap="200">
                    <input type="hidden" name="intent" value="erase" />
                    <Checkbox
                      label={t("eraseUnderstand")}
                      checked={confirm}
                      onChange={setConfirm}
                    />
                    <input type="hidden" name="confirm" value={confirm ? "yes" : "no"} />
                    <Button submit tone="critical" disabled={!confirm}>
                      {t("eraseData")}
                    </Button>
                  </BlockStack>
                </Form>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
