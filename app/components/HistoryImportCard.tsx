import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  ProgressBar,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { HistoryImportProgress } from "../history/index.server";
import { historyMessages } from "../history/messages";
import { negotiateLocale } from "../platform/i18n";
import { formatCount, formatDateTime } from "./format";
import { useShop } from "./ShopContext";

export type HistoryNotice =
  | { kind: "started" }
  | { kind: "already" }
  | { kind: "invalid" }
  | { kind: "refused"; error: string };

/**
 * Day-one history: the latest import's progress (refreshed every second while it runs) and a
 * form to import again over a chosen number of months.
 */
export function HistoryImportCard({
  progress,
  defaultMonths,
  maxMonths,
  notice,
}: {
  progress: HistoryImportProgress;
  defaultMonths: number;
  maxMonths: number;
  notice: HistoryNotice | null;
}) {
  const shop = useShop();
  const t = historyMessages(negotiateLocale([shop.locale]));
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const [months, setMonths] = useState(String(progress?.months ?? defaultMonths));
  const active = progress?.status === "running" || progress?.status === "importing";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);

  const count = (value: number) => formatCount(value, shop.locale);
  const describe = () => {
    if (!progress) return t("empty");
    switch (progress.status) {
      case "running":
        return t("running", { months: progress.months, objects: count(progress.objectCount) });
      case "importing":
        return t("importing", { orders: count(progress.ordersRead), percent: progress.percent });
      case "completed":
        return t("completed", {
          orders: count(progress.ordersRead),
          months: progress.months,
          applied: count(progress.ordersApplied),
          time: formatDateTime(progress.finishedAt, shop.timezone, shop.locale),
        });
      default:
        return t("failed", { error: progress.error ?? "unknown error" });
    }
  };

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("intro")}
        </Text>
        {notice?.kind === "started" && <Banner tone="success" title={t("started")} />}
        {notice?.kind === "already" && <Banner tone="info" title={t("already")} />}
        {notice?.kind === "refused" && (
          <Banner tone="critical" title={t("refused", { error: notice.error })} />
        )}
        <Text as="p">{describe()}</Text>
        {progress ? (
          <div role="status" aria-label={t("progress", { percent: progress.percent })}>
            <ProgressBar
              progress={progress.percent}
              tone={progress.status === "failed" ? "critical" : "primary"}
            />
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="import-history" />
          <InlineStack gap="300" blockAlign="end">
            <TextField
              label={t("months")}
              name="months"
              type="number"
              min={1}
              max={maxMonths}
              value={months}
              onChange={setMonths}
              autoComplete="off"
              helpText={t("monthsHelp", { max: maxMonths })}
              error={
                notice?.kind === "invalid" ? t("monthsInvalid", { max: maxMonths }) : undefined
              }
            />
            <Button submit disabled={active} loading={navigation.state === "submitting"}>
              {t("start")}
            </Button>
          </InlineStack>
        </Form>
      </BlockStack>
    </Card>
  );
}
