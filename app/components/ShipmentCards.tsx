import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { ATTENTION_LABELS } from "../tracking/labels";

export interface ShipmentAttentionProps {
  attention: { reason: string; detail: string | null };
  orderShopifyId: string;
  /** The drafted e-mail to the shopper; null without an e-mail address. */
  contact: { email: string; subject: string; body: string } | null;
  /** Items with a variant can be sent again; a delivered or returning parcel cannot. */
  canReship: boolean;
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
      title={`Needs attention: ${ATTENTION_LABELS[attention.reason] ?? attention.reason}`}
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
                if (
                  !window.confirm(
                    "Send these items again at no charge? Shopify creates the order now.",
                  )
                )
                  event.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="reship" />
              <Button submit variant="primary" loading={reship.state !== "idle"}>
                Reship at no charge
              </Button>
            </reship.Form>
          )}
          <Button url={`shopify://admin/orders/${orderShopifyId}/refund`} target="_top">
            Refund in Shopify
          </Button>
          {mailto && (
            <Button url={mailto} external>
              Contact customer
            </Button>
          )}
          <resolve.Form method="post">
            <input type="hidden" name="intent" value="resolve" />
            <Button submit variant="tertiary" loading={resolve.state !== "idle"}>
              Mark resolved
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
export function WriteBacksCard({ writeBacks }: { writeBacks: WriteBackRow[] }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Written back to Shopify
        </Text>
        {writeBacks.length === 0 ? (
          <Text as="p" tone="subdued">
            Nothing yet: statuses from your carrier data source are pushed to Shopify.
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
