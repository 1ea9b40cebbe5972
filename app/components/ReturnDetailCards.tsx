import { Badge, BlockStack, Button, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import type { RefundPreview } from "../returns/admin.server";
import { negotiateLocale } from "../platform/i18n";
import { labelOf, returnsQueueMessages } from "../returns/queue-messages";
import { AppImage } from "./AppImage";
import { formatCount, formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

/** The cards of a return's admin page that only show what the return holds. */

function useFormat() {
  const shop = useShop();
  return {
    shop,
    t: returnsQueueMessages(negotiateLocale([shop.locale])),
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
  const { shop, t } = useFormat();
  const money = (minor: number) => formatMinor(minor, currency, shop.locale);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("previewTitle")}
        </Text>
        {preview.byResolution.map((entry) => (
          <InlineStack key={entry.resolution} align="space-between">
            <Text as="span">
              {labelOf(t, "resolution_", entry.resolution)} ({formatCount(entry.items, shop.locale)}
              )
            </Text>
            <Text as="span" numeric>
              {money(entry.amount)}
            </Text>
          </InlineStack>
        ))}
        <Divider />
        <InlineStack align="space-between">
          <Text as="span">{t("previewFees")}</Text>
          <Text as="span" numeric>
            {money(preview.fees)}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span">{t("previewBonus")}</Text>
          <Text as="span" numeric>
            {money(preview.bonus)}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span">{t("previewShipping")}</Text>
          <Text as="span" numeric>
            {preview.shippingFee ? `−${money(preview.shippingFee)}` : money(0)}
          </Text>
        </InlineStack>
        <Divider />
        <InlineStack align="space-between">
          <Text as="span" fontWeight="semibold">
            {t("previewRefund")}
          </Text>
          <Text as="span" numeric fontWeight="semibold">
            {money(preview.refund)}
          </Text>
        </InlineStack>
        <InlineStack align="space-between">
          <Text as="span" fontWeight="semibold">
            {t("previewCredit")}
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
  const { t } = useFormat();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("labelTitle")}
        </Text>
        {labels.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("labelNone")}
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
                    {t("labelTrack")}
                  </Button>
                )}
                {item.labelUrl && (
                  <Button url={item.labelUrl} external variant="plain">
                    {t("labelPrint")}
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
  const { shop, t, when } = useFormat();
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("photosTitle")}
        </Text>
        {photos.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("photosNone")}
          </Text>
        ) : (
          <InlineStack gap="300">
            {photos.map((photo, index) => (
              <BlockStack gap="100" key={photo.id}>
                <AppImage
                  url={`/app/returns/photos/${photo.id}`}
                  alt={t("photoAlt", { n: index + 1, count: photos.length })}
                />
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("photoSize", {
                    size: formatCount(Math.ceil(photo.bytes / 1024), shop.locale),
                  })}
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
  const { t, when } = useFormat();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("timelineTitle")}
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
                    {labelOf(t, "event_", event.kind)}
                  </Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {when(event.occurredAt)} · {labelOf(t, "actor_", event.actor)}
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
  const { shop, t } = useFormat();
  const money = (minor: number) => formatMinor(minor, currency, shop.locale);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("exchangeTitle")}
        </Text>
        {!exchange ? (
          <Text as="p" tone="subdued">
            {t("exchangeNone")}
          </Text>
        ) : (
          <>
            <InlineStack gap="200">
              <Badge tone={["paid", "ordered"].includes(exchange.status) ? "success" : "attention"}>
                {labelOf(t, "exchange_", exchange.status)}
              </Badge>
              {exchange.instant && <Badge tone="info">{t("exchangeInstant")}</Badge>}
            </InlineStack>
            {exchange.items.map((item, index) => (
              <Text as="p" key={index}>
                {t("exchangeItem", {
                  quantity: formatCount(item.quantity, shop.locale),
                  product: item.productTitle,
                  variant: item.variantTitle,
                  price: money(item.unitPrice),
                })}
              </Text>
            ))}
            <Text as="p" tone="subdued" variant="bodySm">
              {t("exchangeFigures", {
                credit: money(exchange.credit),
                bonus: money(exchange.bonus),
                subtotal: money(exchange.subtotal),
                upcharge: money(exchange.upcharge),
              })}
            </Text>
            {exchange.remainder > 0 && (
              <Text as="p">
                {t(
                  exchange.remainderAs === "refund" ? "exchangeLeftRefund" : "exchangeLeftCredit",
                  {
                    amount: money(exchange.remainder),
                  },
                )}
              </Text>
            )}
            <Text as="p" tone="subdued" variant="bodySm">
              {exchange.orderShopifyId
                ? t("exchangeDraftOrdered", {
                    id: exchange.draftOrderShopifyId,
                    order: exchange.orderName ?? exchange.orderShopifyId,
                  })
                : t("exchangeDraft", { id: exchange.draftOrderShopifyId })}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
