import { Badge, BlockStack, Button, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import type { RefundPreview } from "../returns/admin.server";
import { EVENT_LABELS, EXCHANGE_STATUS_LABELS, RESOLUTION_LABELS, label } from "../returns/labels";
import { AppImage } from "./AppImage";
import { formatCount, formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

/** The cards of a return's admin page that only show what the return holds. */

function useFormat() {
  const shop = useShop();
  return {
    shop,
    when: (value: string | Date | null | undefined) =>
      formatDateTime(value, shop.timezone, shop.locale),
  };
}

export function RefundPreviewCard({
  preview,
  currency,
}: {
  preview: RefundPreview;
  currency: string;
}) {
  const { shop } = useFormat();
  const money = (minor: number) => formatMinor(minor, currency, shop.locale);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Refund preview
        </Text>
        {preview.byResolution.map((entry) => (
          <InlineStack key={entry.resolution} align="space-between">
            <Text as="span">
              {label(RESOLUTION_LABELS, entry.resolution)} ({formatCount(entry.items, shop.locale)})
            </Text>
            <Text as="span" numeric>
              {money(entry.amount)}
            </Text>
          </InlineStack>
        ))}
        <Divider />
        <InlineStack align="space-between">
          <Text as="span">Restocking fees (included)</Text>
          <Text as="span" numeric>
            {money(preview.fees)}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span">Store-credit bonus (included)</Text>
          <Text as="span" numeric>
            {money(preview.bonus)}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span">Return shipping fee</Text>
          <Text as="span" numeric>
            {preview.shippingFee ? `−${money(preview.shippingFee)}` : money(0)}
          </Text>
        </InlineStack>
        <Divider />
        <InlineStack align="space-between">
          <Text as="span" fontWeight="semibold">
            Refund to payment method
          </Text>
          <Text as="span" numeric fontWeight="semibold">
            {money(preview.refund)}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span" fontWeight="semibold">
            Store credit
          </Text>
          <Text as="span" numeric fontWeight="semibold">
            {money(preview.storeCredit)}
          </Text>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

export function ReturnLabelsCard({
  labels,
}: {
  labels: {
    id: string;
    provider: string;
    carrier: string | null;
    service: string | null;
    trackingNumber: string;
    trackingUrl: string | null;
    labelUrl: string | null;
  }[];
}) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Return label
        </Text>
        {labels.length === 0 ? (
          <Text as="p" tone="subdued">
            No label yet
          </Text>
        ) : (
          labels.map((item) => (
            <BlockStack gap="050" key={item.id}>
              <Text as="p">
                {[item.carrier, item.service].filter(Boolean).join(" ") || item.provider}:{" "}
                {item.trackingNumber}
              </Text>
              <InlineStack gap="300">
                {item.trackingUrl && (
                  <Button url={item.trackingUrl} external variant="plain">
                    Track the parcel
                  </Button>
                )}
                {item.labelUrl && (
                  <Button url={item.labelUrl} external variant="plain">
                    Print the label
                  </Button>
                )}
              </InlineStack>
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}

export function ReturnPhotosCard({
  photos,
}: {
  photos: {
    id: string;
    bytes: number;
    width: number | null;
    height: number | null;
    createdAt: string | Date;
  }[];
}) {
  const { shop, when } = useFormat();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Photos
        </Text>
        {photos.length === 0 ? (
          <Text as="p" tone="subdued">
            No photos attached
          </Text>
        ) : (
          <InlineStack gap="300">
            {photos.map((photo, index) => (
              <BlockStack gap="100" key={photo.id}>
                <AppImage
                  url={`/app/returns/photos/${photo.id}`}
                  alt={`Photo ${index + 1} of ${photos.length}`}
                />
                <Text as="p" tone="subdued" variant="bodySm">
                  {formatCount(Math.ceil(photo.bytes / 1024), shop.locale)} KB
                  {photo.width && photo.height ? `, ${photo.width}×${photo.height}` : ""} ·{" "}
                  {when(photo.createdAt)}
                </Text>
              </BlockStack>
            ))}
          </InlineStack>
        )}
      </BlockStack>
    </Card>
  );
}

export function ReturnTimelineCard({
  events,
}: {
  events: {
    id: string;
    kind: string;
    actor: string;
    detail: string | null;
    occurredAt: string | Date;
  }[];
}) {
  const { when } = useFormat();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Timeline
        </Text>
        <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {events.map((event) => (
            <li
              key={event.id}
              style={{ borderLeft: "2px solid #d1d5db", padding: "0 0 16px 16px" }}
            >
              <BlockStack gap="050">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">
                    {label(EVENT_LABELS, event.kind)}
                  </Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {when(event.occurredAt)} · {event.actor}
                  </Text>
                </InlineStack>
                {event.detail && <Text as="p">{event.detail}</Text>}
              </BlockStack>
            </li>
          ))}
        </ol>
      </BlockStack>
    </Card>
  );
}

/** A shop-now exchange: what the shopper chose, what they pay on top and where it stands. */
export function ExchangeCard({
  exchange,
  currency,
}: {
  exchange: {
    status: string;
    instant: boolean;
    credit: number;
    bonus: number;
    subtotal: number;
    upcharge: number;
    remainder: number;
    remainderAs: string;
    invoiceUrl: string | null;
    orderShopifyId: string | null;
    orderName: string | null;
    draftOrderShopifyId: string;
    items: { productTitle: string; variantTitle: string; quantity: number; unitPrice: number }[];
  } | null;
  currency: string;
}) {
  const { shop } = useFormat();
  const money = (minor: number) => formatMinor(minor, currency, shop.locale);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Shop-now exchange
        </Text>
        {!exchange ? (
          <Text as="p" tone="subdued">
            The shopper has not spent this return on the catalog
          </Text>
        ) : (
          <>
            <InlineStack gap="200">
              <Badge tone={["paid", "ordered"].includes(exchange.status) ? "success" : "attention"}>
                {label(EXCHANGE_STATUS_LABELS, exchange.status)}
              </Badge>
              {exchange.instant && (
                <Badge tone="info">Instant: paid in full, refunded on receipt</Badge>
              )}
            </InlineStack>
            {exchange.items.map((item, index) => (
              <Text as="p" key={index}>
                {item.quantity} × {item.productTitle} – {item.variantTitle} ({money(item.unitPrice)}{" "}
                each)
              </Text>
            ))}
            <Text as="p" tone="subdued" variant="bodySm">
              Credit {money(exchange.credit)} (bonus {money(exchange.bonus)}) · new items{" "}
              {money(exchange.subtotal)} · shopper pays {money(exchange.upcharge)}
            </Text>
            {exchange.remainder > 0 && (
              <Text as="p">
                Left over: {money(exchange.remainder)} as{" "}
                {exchange.remainderAs === "refund" ? "a refund" : "store credit"} when processed
              </Text>
            )}
            <Text as="p" tone="subdued" variant="bodySm">
              Draft order {exchange.draftOrderShopifyId}
              {exchange.orderShopifyId
                ? ` · order ${exchange.orderName ?? exchange.orderShopifyId}`
                : ""}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
