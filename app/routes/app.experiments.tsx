import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  EmptyState,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { formatters } from "../analytics/view";
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { experimentResults } from "../analytics/index.server";
import { startExperiment, stopExperiment, type Metric } from "../experiments/index.server";
import { experimentsMessages, type ExperimentsMessageKey } from "../experiments/messages";
import { MAX_HOLDOUT_PERCENT, TOUCHES, type Touch } from "../experiments/touches";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { negotiateLocale, type ShopperLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

/** Holdouts per touch and what they measured, from the experiments' assignments. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { experiments: await experimentResults(shop) };
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("start"),
    touch: z.enum(TOUCHES),
    holdoutPercent: z.coerce.number().int().min(1).max(MAX_HOLDOUT_PERCENT),
  }),
  z.object({ intent: z.literal("stop"), experimentId: z.string().min(1).max(100) }),
]);

type ActionResult = { error: "invalid" | "alreadyRunning" | null };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm).catch((error: unknown) => {
    if (error instanceof Response) throw error;
    return null;
  });
  const parsed = ActionSchema.safeParse(form ? Object.fromEntries(form) : {});
  if (!parsed.success) {
    return Response.json({ error: "invalid" } satisfies ActionResult, { status: 400 });
  }
  if (parsed.data.intent === "stop") {
    const stopped = await stopExperiment(shop, parsed.data.experimentId);
    if (!stopped) throw new Response("Not found", { status: 404 });
    return Response.json({ error: null } satisfies ActionResult);
  }
  const started = await startExperiment(shop, parsed.data.touch, parsed.data.holdoutPercent);
  return Response.json(
    { error: started.started ? null : "alreadyRunning" } satisfies ActionResult,
    { status: started.started ? 200 : 409 },
  );
};

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>["experiments"][number];

function StartForm({ free, locale }: { free: Touch[]; locale: ShopperLocale }) {
  const t = experimentsMessages(locale);
  const [touch, setTouch] = useState<string>(free[0] ?? "");
  const [percent, setPercent] = useState("10");
  const busy = useNavigation().state !== "idle";
  if (free.length === 0) return <Text as="p">{t("allRunning")}</Text>;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="start" />
      <FormLayout>
        <FormLayout.Group>
          <Select
            label={t("touchLabel")}
            name="touch"
            options={free.map((value) => ({ value, label: t(`touch_${value}`) }))}
            value={free.includes(touch as (typeof free)[number]) ? touch : free[0]}
            onChange={setTouch}
          />
          <TextField
            label={t("holdoutLabel")}
            name="holdoutPercent"
            type="number"
            min={1}
            max={MAX_HOLDOUT_PERCENT}
            value={percent}
            onChange={setPercent}
            helpText={t("holdoutHelp", { max: MAX_HOLDOUT_PERCENT })}
            autoComplete="off"
          />
        </FormLayout.Group>
        <Button submit variant="primary" loading={busy}>
          {t("start")}
        </Button>
      </FormLayout>
    </Form>
  );
}

function verdictText(metric: Metric, locale: ShopperLocale) {
  const t = experimentsMessages(locale);
  if (metric.verdict === "too_small" && metric.required !== null) {
    return t("verdict_too_small_needs", { n: metric.required.toLocaleString(locale) });
  }
  return t(`verdict_${metric.verdict}` as ExperimentsMessageKey);
}

function ExperimentCard({ experiment, locale }: { experiment: Loaded; locale: ShopperLocale }) {
  const shop = useShop();
  const t = experimentsMessages(locale);
  const f = formatters(locale, shop.currency);
  const date = (at: string | Date) => formatDateTime(at, shop.timezone, shop.locale);
  const { outcomes } = experiment;
  const row = (label: string, metric: Metric, show: (value: number | null) => string) => {
    const sign = metric.difference !== null && metric.difference > 0 ? "+" : "";
    return [
      label,
      show(metric.treated),
      show(metric.heldOut),
      metric.difference === null || metric.interval === null
        ? "—"
        : `${sign}${show(metric.difference)} (${show(metric.interval.low)} … ${show(metric.interval.high)})`,
      verdictText(metric, locale),
    ];
  };
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t(`touch_${experiment.touch}`)}
            </Text>
            <Text as="p" tone="subdued">
              {experiment.stoppedAt
                ? t("stopped", {
                    from: date(experiment.startedAt),
                    to: date(experiment.stoppedAt),
                    percent: experiment.holdoutPercent,
                  })
                : t("running", {
                    date: date(experiment.startedAt),
                    percent: experiment.holdoutPercent,
                  })}
            </Text>
          </BlockStack>
          {!experiment.stoppedAt && (
            <Form method="post">
              <input type="hidden" name="intent" value="stop" />
              <input type="hidden" name="experimentId" value={experiment.id} />
              <Button
                submit
                tone="critical"
                accessibilityLabel={`${t("stop")}: ${t(`touch_${experiment.touch}`)}`}
              >
                {t("stop")}
              </Button>
            </Form>
          )}
        </InlineStack>
        {outcomes.customers.treated + outcomes.customers.holdout === 0 ? (
          <Text as="p">{t("noCustomers")}</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "text", "text"]}
            headings={[
              t("colMetric"),
              t("colTreated", { n: f.count(outcomes.customers.treated) }),
              t("colHeldOut", { n: f.count(outcomes.customers.holdout) }),
              t("colLift"),
              t("colVerdict"),
            ]}
            rows={[
              row(t("metricRepeat"), outcomes.repeatRate, f.percent),
              row(t("metricRevenue"), outcomes.revenuePerCustomer, f.money),
              row(t("metricWismo"), outcomes.wismoPerCustomer, (value) => f.decimal(value, 2)),
              row(t("metricSupport"), outcomes.supportContactsPerCustomer, (value) =>
                f.decimal(value, 2),
              ),
            ]}
          />
        )}
      </BlockStack>
    </Card>
  );
}

export default function Experiments() {
  const { experiments } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const shop = useShop();
  const locale = negotiateLocale([shop.locale]);
  const t = experimentsMessages(locale);
  const running = new Set(experiments.filter((e) => !e.stoppedAt).map((e) => e.touch));
  const free = TOUCHES.filter((touch) => !running.has(touch));
  return (
    <Page title={t("title")} subtitle={t("subtitle")} backAction={{ url: "/app" }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.error && (
              <Banner tone="critical">{t(result.error, { max: MAX_HOLDOUT_PERCENT })}</Banner>
            )}
            {experiments.length === 0 && (
              <Card>
                <EmptyState heading={t("emptyHeading")} image="">
                  <p>{t("emptyBody")}</p>
                </EmptyState>
              </Card>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("startHeading")}
                </Text>
                <StartForm free={free} locale={locale} />
              </BlockStack>
            </Card>
            {experiments.map((experiment) => (
              <ExperimentCard key={experiment.id} experiment={experiment} locale={locale} />
            ))}
            {experiments.length > 0 && (
              <Text as="p" variant="bodySm" tone="subdued">
                {t("definitions")}
              </Text>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
