import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  EmptyState,
  InlineGrid,
  InlineStack,
  Layout,
  Link as PolarisLink,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { dashboard, parseRange } from "../analytics/index.server";
import { analyticsMessages } from "../analytics/messages";
import { formatters, kpiCards } from "../analytics/view";
import { DashboardCharts } from "../components/DashboardCharts";
import { ExperienceTable } from "../components/ExperienceTable";
import { ExportButton, ExportableTable } from "../components/ExportableTable";
import { LatestOrders } from "../components/LatestOrders";
import { ReturnsTables } from "../components/ReturnsTables";
import { KpiCard } from "../components/KpiCard";
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { countRunningExperiments } from "../experiments/index.server";
import { ExperimentsCard } from "../components/ExperimentsCard";
import { dayInZone, nextDay } from "../platform/calendar";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";
import { recentOrders } from "../orders/orders.server";
import { getShop } from "../shops/shops.server";
import { countByStatus } from "../webhooks/inbox.server";

/** The admin home: every KPI for a date range against the previous one, from the daily rollups. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const record = await getShop(shop);
  const timeZone = record?.ianaTimezone ?? "UTC";
  const { range, error } = parseRange(new URL(request.url).searchParams, timeZone);
  const [data, inbox, orders, experiments] = await Promise.all([
    dashboard(shop, range, record?.currencyCode ?? "USD"),
    countByStatus(shop),
    recentOrders(shop, 10),
    countRunningExperiments(shop),
  ]);
  return {
    data,
    error,
    orders,
    experiments,
    parked: inbox.parked,
    today: dayInZone(new Date(), timeZone),
  };
};

function RangePicker({ from, to, today }: { from: string; to: string; today: string }) {
  const shop = useShop();
  const t = analyticsMessages(negotiateLocale([shop.locale]));
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const preset = (days: number) => `?from=${nextDay(today, 1 - days)}&to=${today}`;
  return (
    <Form method="get">
      <InlineStack gap="300" blockAlign="end" wrap>
        <TextField
          label={t("rangeFrom")}
          type="date"
          name="from"
          value={start}
          onChange={setStart}
          autoComplete="off"
        />
        <TextField
          label={t("rangeTo")}
          type="date"
          name="to"
          value={end}
          onChange={setEnd}
          autoComplete="off"
        />
        <Button submit>{t("rangeApply")}</Button>
        <ButtonGroup variant="segmented">
          <Button url={preset(7)}>{t("rangeLast7")}</Button>
          <Button url={preset(30)}>{t("rangeLast30")}</Button>
          <Button url={preset(90)}>{t("rangeLast90")}</Button>
        </ButtonGroup>
      </InlineStack>
    </Form>
  );
}

export default function Home() {
  const { data, error, orders, experiments, parked, today } = useLoaderData<typeof loader>();
  const shop = useShop();
  const locale = negotiateLocale([shop.locale]);
  const t = analyticsMessages(locale);
  const f = formatters(locale, shop.currency);
  const c = data.current;
  const query = `from=${data.range.from}&to=${data.range.to}`;
  const table = (name: string) => ({
    exportUrl: `/app/dashboard/export?table=${name}&${query}`,
    exportName: `dashboard-${name}`,
    exportLabel: t("exportCsv"),
    empty: t("emptyTable"),
  });
  const days = (value: number | null) => f.decimal(value);
  const nothingYet = c.orders === 0 && data.before.orders === 0 && c.delivery.shipments === 0;

  return (
    <Page
      title={t("title", { shop: shop.name })}
      subtitle={t("comparedWith", { from: data.previous.from, to: data.previous.to })}
      secondaryActions={[{ content: t("customers"), url: "/app/customers" }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {parked > 0 && (
              <Banner tone="critical">
                <PolarisLink url="/app/operations?status=parked">
                  {parked} webhooks need attention
                </PolarisLink>
              </Banner>
            )}
            {error && <Banner tone="warning">{error}</Banner>}
            {!data.updatedAt && <Banner tone="info">{t("notYetComputed")}</Banner>}
            <Card>
              <BlockStack gap="200">
                <RangePicker from={data.range.from} to={data.range.to} today={today} />
                {data.updatedAt && (
                  <Text as="p" variant="bodySm" tone="subdued">
                    {t("updatedAt", {
                      time: formatDateTime(data.updatedAt, shop.timezone, shop.locale),
                    })}
                  </Text>
                )}
              </BlockStack>
            </Card>
            {nothingYet && (
              <Card>
                <EmptyState heading={t("welcomeHeading")} image="">
                  <p>{t("welcomeBody")}</p>
                </EmptyState>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>

        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="400">
            {kpiCards(data, locale, shop.currency).map((kpi) => (
              <KpiCard
                key={kpi.key}
                label={kpi.label}
                value={kpi.value}
                detail={kpi.detail}
                previous={kpi.previous}
                change={kpi.change}
                definition={kpi.definition}
                definitionLabel={t("howComputed")}
                empty={kpi.empty}
              />
            ))}
          </InlineGrid>
        </Layout.Section>

        <Layout.Section>
          <DashboardCharts
            days={data.series}
            currency={shop.currency}
            titles={{ orders: t("chartOrders"), nps: t("chartNps"), onTime: t("chartOnTime") }}
          />
        </Layout.Section>

        <Layout.Section>
          <BlockStack gap="400">
            <ReturnsTables
              returns={c.returns}
              locale={locale}
              currency={shop.currency}
              table={table}
            />
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              <ExportableTable
                title={t("tableCarriers")}
                headings={[
                  t("colCarrier"),
                  t("colDeliveries"),
                  t("colMedian"),
                  t("colP90"),
                  t("colOnTime"),
                ]}
                numeric={[false, true, true, true, true]}
                rows={c.delivery.byCarrier.map((r) => [
                  r.carrier,
                  r.deliveries,
                  days(r.medianDays),
                  days(r.p90Days),
                  f.percent(r.onTimeRate),
                ])}
                {...table("carriers")}
              />
              <ExportableTable
                title={t("tableRegions")}
                headings={[t("colRegion"), t("colDeliveries"), t("colMedian"), t("colP90")]}
                numeric={[false, true, true, true]}
                rows={c.delivery.byRegion.map((r) => [
                  r.region,
                  r.deliveries,
                  days(r.medianDays),
                  days(r.p90Days),
                ])}
                {...table("regions")}
              />
            </InlineGrid>
            <ExportableTable
              title={t("tableCohorts")}
              headings={[
                t("colCohort"),
                t("colCustomers"),
                ...[1, 3, 6, 12].map((n) => t("colMonth", { n })),
              ]}
              numeric={[false, true, true, true, true, true]}
              rows={data.cohorts.map((cohort) => [
                cohort.month,
                cohort.customers,
                ...[1, 3, 6, 12].map((n) => {
                  const rate = cohort.repeatRate[n - 1] ?? null;
                  const revenue = cohort.revenuePerCustomer[n - 1] ?? null;
                  return rate === null ? "—" : `${f.percent(rate)} · ${f.money(revenue)}`;
                }),
              ])}
              {...table("cohorts")}
              empty={t("emptyCohorts")}
            />
            <ExperienceTable split={data.experiences} t={t} f={f} table={table("experiences")} />
            <InlineStack align="end">
              <ExportLinks query={query} label={t("exportCsv")} />
            </InlineStack>
            <ExperimentsCard running={experiments} />
            {orders.length > 0 && <LatestOrders orders={orders} title={t("latestOrders")} />}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** The KPI summary and the daily series, which have no table of their own on the page. */
function ExportLinks({ query, label }: { query: string; label: string }) {
  return (
    <ButtonGroup>
      {(["kpis", "daily"] as const).map((name) => (
        <ExportButton
          key={name}
          url={`/app/dashboard/export?table=${name}&${query}`}
          name={`dashboard-${name}`}
          label={`${label}: ${name}`}
        />
      ))}
    </ButtonGroup>
  );
}
