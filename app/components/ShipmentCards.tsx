import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { shipmentLabel, type shipmentMessages } from "../tracking/admin-messages";

type Translate = ReturnType<typeof shipmentMessages>;

export interface ShipmentAttentionProps {
  attention: { reason: string; detail: string | null };
  orderShopifyId: string;
  /** The drafted e-mail to the shopper; null without an e-mail address. */
  contact: { email: string; subject: string; body: string } | null;
  /** Items with a variant can be sent again; a delivered or returning parcel cannot. */
  canReship: boolean;
  t: Translate;
}

type RemedyAnswer = { ok: boolean; error: string | null; message?: string | null };

/**
 * A parcel that stalled or failed, with what the merchant can do about it in one click: reship
 * the items at no charge, refund in Shopify, write to the shopper (a drafted e-mail in their
 * language), or mark it resolved.
 */
export function ShipmentAttention({
  attention,
  orderShopifyId,
  contact,
  canReship,
  t,
}: ShipmentAttentionProps) {
  const reship = useFetcher<RemedyAnswer>();
  const resolve = useFetcher<RemedyAnswer>();
  const mailto = contact
    ? `mailto:${contact.email}?subject=${encodeURIComponent(contact.subject)}&body=${encodeURIComponent(contact.body)}`
    : null;
  const failure = reship.data && !reship.data.ok ? reship.data.error : null;
  return (
    <Banner
      tone="warning"
      title={t("needsAttention", { reason: shipmentLabel(t, "attention_", attention.reason) })}
    >
      <BlockStack gap="300">
        <p>{attention.detail}</p>
        {failure && (
          <p role="alert" style={{ color: "var(--p-color-text-critical)" }}>
            {failure}
          </p>
        )}
        <InlineStack gap="200" wrap>
          {canReship && (
            <reship.Form
              method="post"
              onSubmit={(event) => {
                if (!window.confirm(t("reshipConfirm"))) event.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="reship" />
              <Button submit variant="primary" loading={reship.state !== "idle"}>
                {t("reship")}
              </Button>
            </reship.Form>
          )}
          <Button url={`shopify://admin/orders/${orderShopifyId}/refund`} target="_top">
            {t("refundInShopify")}
          </Button>
          {mailto && (
            <Button url={mailto} external>
              {t("contactCustomer")}
            </Button>
          )}
          <resolve.Form method="post">
            <input type="hidden" name="intent" value="resolve" />
            <Button submit variant="tertiary" loading={resolve.state !== "idle"}>
              {t("markResolved")}
            </Button>
          </resolve.Form>
        </InlineStack>
      </BlockStack>
    </Banner>
  );
}

export interface WriteBackRow {
  status: string;
  state: string;
  error: string | null;
}

/** The statuses pushed to Shopify's fulfillment for this parcel, and any that failed. */
export function WriteBacksCard({ writeBacks, t }: { writeBacks: WriteBackRow[]; t: Translate }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("writtenBack")}
        </Text>
        {writeBacks.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("writtenBackEmpty")}
          </Text>
        ) : (
          writeBacks.map((row) => (
            <InlineStack key={row.status} gap="200">
              <Badge
                tone={
                  row.state === "sent" ? "success" : row.state === "failed" ? "critical" : undefined
                }
              >
                {row.state}
              </Badge>
              <Text as="span">{row.status}</Text>
              {row.error && (
                <Text as="span" tone="critical" variant="bodySm">
                  {row.error}
                </Text>
              )}
            </InlineStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
