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
import { RESOLUTION_LABELS, label } from "../returns/labels";
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
                label="Order"
                name="order"
                placeholder="#1001"
                value={order}
                onChange={setOrder}
                autoComplete="off"
              />
              <TextField
                label="Return reason (optional)"
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
              Check order
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
  if (!answer.ok) {
    return (
      <Banner tone="warning" title={answer.message}>
        <p>Enter an order number of this shop, such as #1001.</p>
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
          No item of this order is shipped, so nothing can be returned.
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
              {line.eligible ? "Eligible" : "Not eligible"}
            </Badge>
          </InlineStack>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {line.explanations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <Text as="p" tone="subdued" variant="bodySm">
            Window ends {formatDateTime(line.windowEndsAt, shop.timezone, shop.locale)}
            {line.photosRequired ? " · photos required" : ""}
          </Text>
          {line.options.map((option) => (
            <Text as="p" variant="bodySm" key={option.resolution}>
              {label(RESOLUTION_LABELS, option.resolution)}: {money(option.amount)}
              {option.fee ? ` (fee ${money(option.fee)})` : ""}
              {option.bonus ? ` (bonus ${money(option.bonus)})` : ""}
            </Text>
          ))}
        </BlockStack>
      ))}
    </BlockStack>
  );
}
