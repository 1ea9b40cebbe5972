import { useFetcher } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { CustomerSignals } from "../returns/abuse";
import { abuseMessages, describeSignal } from "../returns/abuse-messages";
import { negotiateLocale } from "../platform/i18n";
import { formatCount } from "./format";
import { useShop } from "./ShopContext";

/** What the merchant weighs before refunding a return: the customer's signals, and inspection. */

function useMessages() {
  const shop = useShop();
  return { t: abuseMessages(negotiateLocale([shop.locale])), locale: shop.locale };
}

export function CustomerSignalsCard({
  signals,
  lookbackDays,
}: {
  signals: CustomerSignals | null;
  lookbackDays: number;
}) {
  const { t, locale } = useMessages();
  const percent = (value: number | null) =>
    value === null
      ? t("customerNoDelivery")
      : new Intl.NumberFormat(locale, { style: "percent" }).format(value);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("customerTitle")}
        </Text>
        {!signals ? (
          <Text as="p" tone="subdued">
            {t("customerNone")}
          </Text>
        ) : (
          <>
            <Text as="p">
              {t("customerFigures", {
                returns: formatCount(signals.returns, locale),
                orders: formatCount(signals.orders, locale),
                perOrder:
                  signals.returnsPerOrder === null
                    ? "—"
                    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(
                        signals.returnsPerOrder,
                      ),
                days: formatCount(lookbackDays, locale),
                returned: formatCount(signals.returnedUnits, locale),
                delivered: formatCount(signals.deliveredUnits, locale),
                rate: percent(signals.unitReturnRate),
              })}
            </Text>
            {signals.signals.length === 0 ? (
              <Text as="p" tone="subdued">
                {t("noSignals")}
              </Text>
            ) : (
              <ul
                aria-label={t("customerTitle")}
                style={{ margin: 0, paddingLeft: 0, listStyle: "none" }}
              >
                {signals.signals.map((signal) => {
                  const { title, explanation } = describeSignal(t, signal);
                  return (
                    <li key={signal.kind} style={{ marginBottom: 8 }}>
                      <BlockStack gap="050">
                        <InlineStack>
                          <Badge tone="warning">{title}</Badge>
                        </InlineStack>
                        <Text as="p" variant="bodySm">
                          {explanation}
                        </Text>
                      </BlockStack>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </BlockStack>
    </Card>
  );
}

export function InspectionCard({
  lines,
}: {
  lines: {
    id: string;
    title: string;
    quantity: number;
    mismatch: boolean;
    inspectedAt: string | Date | null;
  }[];
}) {
  const { t, locale } = useMessages();
  const fetcher = useFetcher<{ ok: boolean; message?: string }>();
  const [mismatched, setMismatched] = useState(
    () => new Set(lines.filter((line) => line.mismatch).map((line) => line.id)),
  );
  const [note, setNote] = useState("");
  const inspected = lines.some((line) => line.inspectedAt);
  return (
    <Card>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="inspect" />
        <BlockStack gap="200">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("inspectionTitle")}
            </Text>
            {inspected && <Badge tone="success">{t("inspectionDone")}</Badge>}
          </InlineStack>
          <Text as="p" tone="subdued" variant="bodySm">
            {t("inspectionHelp")}
          </Text>
          {lines.map((line) => (
            <Checkbox
              key={line.id}
              name="mismatch"
              value={line.id}
              label={`${formatCount(line.quantity, locale)} × ${line.title}: ${t("inspectionMismatch")}`}
              checked={mismatched.has(line.id)}
              onChange={(checked) =>
                setMismatched((current) => {
                  const next = new Set(current);
                  if (checked) next.add(line.id);
                  else next.delete(line.id);
                  return next;
                })
              }
            />
          ))}
          <TextField
            label={t("inspectionNote")}
            name="note"
            value={note}
            onChange={setNote}
            multiline={2}
            maxLength={500}
            autoComplete="off"
          />
          {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" && (
            <Text as="p" tone="critical">
              {fetcher.data.message}
            </Text>
          )}
          <InlineStack>
            <Button submit loading={fetcher.state !== "idle"}>
              {t("inspectionSave")}
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}

const OUTCOME_KEYS = {
  repair: "claimRepair",
  replace: "claimReplace",
  refund: "claimRefund",
} as const;

export function ClaimCard({
  status,
  outcome,
  replacement,
}: {
  status: string;
  outcome: string | null;
  replacement: { id: string; name: string } | null;
}) {
  const { t } = useMessages();
  const fetcher = useFetcher<{ ok: boolean; message?: string }>();
  const open = ["requested", "open"].includes(status) && !outcome;
  const decided =
    outcome && outcome in OUTCOME_KEYS
      ? t(OUTCOME_KEYS[outcome as keyof typeof OUTCOME_KEYS])
      : null;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("claimTitle")}
          </Text>
          {decided && <Badge tone="success">{t("claimDecided", { outcome: decided })}</Badge>}
        </InlineStack>
        {open && (
          <>
            <Text as="p" tone="subdued">
              {t("claimHelp")}
            </Text>
            <InlineStack gap="200">
              {(Object.keys(OUTCOME_KEYS) as (keyof typeof OUTCOME_KEYS)[]).map((key) => (
                <fetcher.Form method="post" key={key}>
                  <input type="hidden" name="intent" value="decide" />
                  <input type="hidden" name="outcome" value={key} />
                  <Button
                    submit
                    variant={key === "replace" ? "primary" : undefined}
                    loading={fetcher.state !== "idle"}
                  >
                    {t(OUTCOME_KEYS[key])}
                  </Button>
                </fetcher.Form>
              ))}
            </InlineStack>
          </>
        )}
        {replacement && (
          <InlineStack>
            <Button url={`shopify://admin/orders/${replacement.id}`} target="_top" variant="plain">
              {t("claimReplacementOrder", { name: replacement.name })}
            </Button>
          </InlineStack>
        )}
        {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" && (
          <Text as="p" tone="critical">
            {fetcher.data.message}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}
