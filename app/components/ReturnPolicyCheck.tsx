import { useFetcher } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { negotiateLocale } from "../platform/i18n";
import { policyMessages } from "../returns/policy-messages";
import { labelOf, returnsQueueMessages } from "../returns/queue-messages";
import { formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

interface CheckedLine {
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  returnableQuantity: number;
  eligible: boolean;
  explanations: string[];
  windowEndsAt: string;
  photosRequired: boolean;
  options: { resolution: string; amount: number; fee: number; bonus: number }[];
}
/** The policy settings action's answer to intent "check". */
export type CheckAnswer =
  | { ok: true; order: { name: string; currency: string }; lines: CheckedLine[] }
  | { ok: false; message: string };

/** "Test this order": what the saved return policy decides for each item of one order, and why. */
export function PolicyCheckCard() {
  const t = policyMessages(negotiateLocale([useShop().locale]));
  const check = useFetcher<CheckAnswer>();
  const [order, setOrder] = useState("");
  const [reason, setReason] = useState("");
  return (
    <Card>
      <check.Form method="post">
        <input type="hidden" name="intent" value="check" />
        <BlockStack gap="300">
          <FormLayout>
            <FormLayout.Group>
              <TextField
                label={t("checkOrder")}
                name="order"
                placeholder="#1001"
                value={order}
                onChange={setOrder}
                autoComplete="off"
              />
              <TextField
                label={t("checkReason")}
                name="reason"
                placeholder="damaged"
                value={reason}
                onChange={setReason}
                autoComplete="off"
              />
            </FormLayout.Group>
          </FormLayout>
          <InlineStack>
            <Button submit loading={check.state !== "idle"}>
              {t("checkButton")}
            </Button>
          </InlineStack>
          {check.data && <CheckResult answer={check.data} />}
        </BlockStack>
      </check.Form>
    </Card>
  );
}

function CheckResult({ answer }: { answer: CheckAnswer }) {
  const shop = useShop();
  const locale = negotiateLocale([shop.locale]);
  const t = policyMessages(locale);
  const names = returnsQueueMessages(locale);
  if (!answer.ok) {
    return (
      <Banner tone="warning" title={answer.message}>
        <p>{t("checkHint")}</p>
      </Banner>
    );
  }
  const money = (minor: number) => formatMinor(minor, answer.order.currency, shop.locale);
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {answer.order.name}
      </Text>
      {answer.lines.length === 0 && (
        <Text as="p" tone="subdued">
          {t("checkNothingShipped")}
        </Text>
      )}
      {answer.lines.map((line) => (
        <BlockStack gap="100" key={line.lineItemId}>
          <InlineStack gap="200" blockAlign="center">
            <Text as="span" fontWeight="semibold">
              {line.title}
              {line.variantTitle ? ` (${line.variantTitle})` : ""}
            </Text>
            <Badge tone={line.eligible ? "success" : "critical"}>
              {t(line.eligible ? "eligible" : "notEligible")}
            </Badge>
          </InlineStack>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {line.explanations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <Text as="p" tone="subdued" variant="bodySm">
            {t(line.photosRequired ? "windowEndsPhotos" : "windowEnds", {
              when: formatDateTime(line.windowEndsAt, shop.timezone, shop.locale),
            })}
          </Text>
          {line.options.map((option) => (
            <Text as="p" variant="bodySm" key={option.resolution}>
              {[
                t("option", {
                  resolution: labelOf(names, "resolution_", option.resolution),
                  amount: money(option.amount),
                }),
                option.fee ? t("optionFee", { amount: money(option.fee) }) : "",
                option.bonus ? t("optionBonus", { amount: money(option.bonus) }) : "",
              ]
                .filter(Boolean)
                .join(" ")}
            </Text>
          ))}
        </BlockStack>
      ))}
    </BlockStack>
  );
}
