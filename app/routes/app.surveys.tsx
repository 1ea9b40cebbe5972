import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Pagination,
  Select,
  Text,
} from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { formatDateTime } from "../components/format";
import { TrendChart } from "../components/SurveyTrendChart";
import { useShop } from "../components/ShopContext";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import {
  listResponses,
  openAlerts,
  parseResponseFilter,
  resolveAlert,
  surveyTrends,
} from "../surveys/queries.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { npsReasonLabel, surveyMessages } from "../surveys/admin-messages";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseResponseFilter(new URL(request.url).searchParams);
  const [responses, trends, alerts] = await Promise.all([
    listResponses(shop, filter),
    surveyTrends(shop),
    openAlerts(shop),
  ]);
  return { responses, trends, alerts, filter };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  await resolveAlert(shop, String(form.get("alertId") ?? ""));
  return { ok: true };
};

export default function Surveys() {
  const { responses, trends, alerts, filter } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = surveyMessages(negotiateLocale([shop.locale]));
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
  const pages = Math.max(Math.ceil(responses.total / responses.pageSize), 1);

  return (
    <Page title={t("title")} subtitle={t("subtitle")}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("npsTitle")}
                </Text>
                <Text as="p" variant="heading2xl">
                  {trends.nps.value ?? "—"}
                </Text>
                <Text as="p" tone="subdued">
                  {t("npsNote", { answers: trends.nps.answers })}
                </Text>
                <TrendChart series={trends.nps} label="NPS" unit="" t={t} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("csatTitle")}
                </Text>
                <Text as="p" variant="heading2xl">
                  {trends.csat.value === null ? "—" : `${trends.csat.value} %`}
                </Text>
                <Text as="p" tone="subdued">
                  {t("csatNote", { answers: trends.csat.answers })}
                </Text>
                <TrendChart series={trends.csat} label="CSAT" unit=" %" t={t} />
              </BlockStack>
            </Card>
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("followUp", { count: alerts.length })}
              </Text>
              {alerts.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("followUpEmpty")}
                </Text>
              ) : (
                alerts.map((alert) => (
                  <InlineStack key={alert.id} align="space-between" blockAlign="center">
                    <BlockStack gap="050">
                      <Text as="p" fontWeight="semibold">
                        {`${alert.reason} · ${alert.orderName ?? t("orderUnknown")}`}
                      </Text>
                      {alert.comment ? <Text as="p">“{alert.comment}”</Text> : null}
                    </BlockStack>
                    <InlineStack gap="200">
                      {alert.orderShopifyId ? (
                        <Button
                          url={`https://${shop.domain}/admin/orders/${alert.orderShopifyId}`}
                          target="_blank"
                        >
                          {t("openOrder")}
                        </Button>
                      ) : null}
                      <Form method="post">
                        <input type="hidden" name="alertId" value={alert.id} />
                        <Button submit>{t("markFollowedUp")}</Button>
                      </Form>
                    </InlineStack>
                  </InlineStack>
                ))
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <div style={{ padding: 12 }}>
              <InlineStack gap="300">
                <Select
                  label={t("filterSurvey")}
                  labelInline
                  options={[
                    { label: t("all"), value: "" },
                    { label: t("kindNps"), value: "nps" },
                    { label: t("kindCsat"), value: "csat" },
                  ]}
                  value={filter.kind ?? ""}
                  onChange={(value) => update({ kind: value })}
                />
                <Select
                  label={t("filterAnswers")}
                  labelInline
                  options={[
                    { label: t("all"), value: "" },
                    { label: t("groupLow"), value: "low" },
                    { label: t("groupMid"), value: "mid" },
                    { label: t("groupHigh"), value: "high" },
                  ]}
                  value={filter.group ?? ""}
                  onChange={(value) => update({ group: value })}
                />
              </InlineStack>
            </div>
            {responses.total === 0 ? (
              <EmptyState heading={t("emptyHeading")} image="">
                <p>{t("emptyBody")}</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: t("answerSingular"), plural: t("answerPlural") }}
                itemCount={responses.items.length}
                selectable={false}
                headings={[
                  { title: t("colOrder") },
                  { title: t("colSurvey") },
                  { title: t("colScore") },
                  { title: t("colComment") },
                  { title: t("colAnswered") },
                ]}
              >
                {responses.items.map((response, index) => (
                  <IndexTable.Row id={response.id} key={response.id} position={index}>
                    <IndexTable.Cell>{response.orderName ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      {response.kind === "nps" ? t("kindNps") : t("kindDelivery")}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge
                        tone={
                          (response.kind === "nps" ? response.score <= 6 : response.score <= 2)
                            ? "critical"
                            : (response.kind === "nps" ? response.score >= 9 : response.score >= 4)
                              ? "success"
                              : undefined
                        }
                      >
                        {`${response.score} / ${response.kind === "nps" ? 10 : 5}`}
                      </Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span">{response.comment ?? ""}</Text>
                      {response.reasons.length ? (
                        <Text as="p" tone="subdued" variant="bodySm">
                          {response.reasons.map((reason) => npsReasonLabel(t, reason)).join(", ")}
                        </Text>
                      ) : null}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {formatDateTime(response.answeredAt, shop.timezone)}
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
            <div style={{ padding: 12, display: "flex", justifyContent: "center" }}>
              <Pagination
                hasPrevious={filter.page > 1}
                hasNext={filter.page < pages}
                onPrevious={() => update({ page: String(filter.page - 1) })}
                onNext={() => update({ page: String(filter.page + 1) })}
                label={t("pageOf", { page: filter.page, pages })}
              />
            </div>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
