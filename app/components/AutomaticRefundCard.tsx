import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Text } from "@shopify/polaris";
import { automationMessages } from "../returns/automation-messages";
import { negotiateLocale } from "../platform/i18n";
import { formatDateTime } from "./format";
import { useShop } from "./ShopContext";

export interface AutomaticRefundView {
  /** first_scan | received */
  trigger: string;
  /** scheduled | sending | cancelled | done | failed */
  state: string;
  dueAt: string | Date;
  error: string | null;
}

/**
 * The refund the return policy scheduled from the parcel's scans: when it runs and why, and the
 * button that undoes it until it has reached Shopify.
 */
export function AutomaticRefundCard({ refund }: { refund: AutomaticRefundView }) {
  const shop = useShop();
  const t = automationMessages(negotiateLocale([shop.locale]));
  const fetcher = useFetcher<{ ok: boolean; message?: string }>();
  const when = formatDateTime(refund.dueAt, shop.timezone, shop.locale);
  const why = refund.trigger === "first_scan" ? t("whyFirstScan") : t("whyReceived");
  const state: Record<string, string> = {
    scheduled: t("scheduled", { when }),
    sending: t("sending"),
    cancelled: t("cancelled"),
    done: t("done"),
    failed: t("failed", { error: refund.error ?? "" }),
  };
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("title")}
        </Text>
        <Text as="p">{why}</Text>
        <Text as="p" tone={refund.state === "scheduled" ? undefined : "subdued"}>
          {state[refund.state] ?? refund.state}
        </Text>
        {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" && (
          <Banner tone="critical" title={t("notDone")}>
            <p>{fetcher.data.message}</p>
          </Banner>
        )}
        {refund.state === "scheduled" && (
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="undo_automatic_refund" />
            <BlockStack gap="100">
              <Button submit tone="critical" loading={fetcher.state !== "idle"}>
                {t("undo")}
              </Button>
              <Text as="p" tone="subdued" variant="bodySm">
                {t("undoHelp")}
              </Text>
            </BlockStack>
          </fetcher.Form>
        )}
      </BlockStack>
    </Card>
  );
}
