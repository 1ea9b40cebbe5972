import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { requireAdminShop } from "../shopify.server";
import { CARRIERS } from "../tracking/carriers/carriers";
import { ShipmentAttention, WriteBacksCard } from "../components/ShipmentCards";
import { negotiateLocale } from "../platform/i18n";
import { shipmentLabel, shipmentMessages } from "../tracking/admin-messages";
import { TAG_TONES } from "../tracking/labels";
import { shipmentDetail } from "../tracking/queries.server";
import { reshipShipment, shipmentContactDraft } from "../tracking/remedies.server";
import { overrideCarrier, resolveAttention } from "../tracking/tracking.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const shipment = await shipmentDetail(shop, params.id ?? "");
  if (!shipment) throw new Response("Shipment not found", { status: 404 });
  const contact = await shipmentContactDraft(shop, shipment);
  return { shipment, contact };
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resolve") }),
  z.object({ intent: z.literal("reship") }),
  z.object({ intent: z.literal("carrier"), carrier: z.enum(Object.keys(CARRIERS) as [string]) }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const parsed = ActionSchema.safeParse(
    Object.fromEntries(await readForm(request, BODY_LIMITS.adminForm)),
  );
  if (!parsed.success)
    return Response.json({ ok: false, error: "Unknown action" }, { status: 400 });
  const id = params.id ?? "";
  if (parsed.data.intent === "reship") {
    const reshipped = await reshipShipment(shop, id);
    return reshipped.ok
      ? Response.json({ ok: true, error: null, order: reshipped.order })
      : Response.json({ ok: false, error: reshipped.message }, { status: reshipped.status });
  }
  const ok =
    parsed.data.intent === "resolve"
      ? await resolveAttention(shop, id)
      : Boolean(await overrideCarrier(shop, id, parsed.data.carrier));
  return Response.json({ ok, error: ok ? null : "Nothing to do" }, { status: ok ? 200 : 404 });
};

export default function ShipmentPage() {
  const { shipment, contact } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = shipmentMessages(negotiateLocale([shop.locale]));
  const fetcher = useFetcher<{ ok: boolean; error: string | null }>();
  const [carrier, setCarrier] = useState(shipment.carrier ?? "");
  const when = (value: string | Date | null | undefined) =>
    formatDateTime(value, shop.timezone, shop.locale);
  const orderUrl = `shopify://admin/orders/${shipment.order.shopifyId}`;

  return (
    <Page
      backAction={{ content: t("title"), url: "/app/shipments" }}
      title={`${shipment.order.name ?? t("shipmentFallback")} · ${shipment.trackingNumber}`}
      titleMetadata={
        <Badge tone={TAG_TONES[shipment.tag]}>{shipmentLabel(t, "tag_", shipment.tag)}</Badge>
      }
      secondaryActions={[{ content: t("openOrder"), url: orderUrl, target: "_top" }]}
    >
      <Layout>
        {shipment.reship && (
          <Layout.Section>
            <Banner
              tone="success"
              title={t("reshippedAs", { order: shipment.reship.orderName ?? "" })}
            >
              <Button
                url={`shopify://admin/orders/${shipment.reship.orderShopifyId}`}
                target="_top"
              >
                {t("openReplacement")}
              </Button>
            </Banner>
          </Layout.Section>
        )}
        {shipment.attention && (
          <Layout.Section>
            <ShipmentAttention
              attention={shipment.attention}
              orderShopifyId={shipment.order.shopifyId}
              contact={contact}
              t={t}
              canReship={
                !shipment.reship &&
                !shipment.deliveredAt &&
                shipment.lines.some((line) => line.variantId)
              }
            />
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("timeline")}
              </Text>
              {shipment.checkpoints.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("noScans")}
                </Text>
              ) : (
                <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {shipment.checkpoints.map((checkpoint) => (
                    <li
                      key={checkpoint.id}
                      style={{ borderLeft: "2px solid #d1d5db", padding: "0 0 16px 16px" }}
                    >
                      <BlockStack gap="050">
                        <InlineStack gap="200" blockAlign="center">
                          <Badge tone={TAG_TONES[checkpoint.tag]}>{checkpoint.statusLabel}</Badge>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {when(checkpoint.occurredAt)}
                            {checkpoint.utcOffset
                              ? ` (${t("carrierTime", { offset: checkpoint.utcOffset })})`
                              : ""}
                          </Text>
                        </InlineStack>
                        <Text as="p">{checkpoint.message}</Text>
                        {checkpoint.location && (
                          <Text as="p" tone="subdued" variant="bodySm">
                            {checkpoint.location}
                          </Text>
                        )}
                        <Text as="p" tone="subdued" variant="bodySm">
                          {t("scanSource", { source: checkpoint.source })}
                        </Text>
                      </BlockStack>
                    </li>
                  ))}
                </ol>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("delivery")}
                </Text>
                {shipment.deliveredAt ? (
                  <Text as="p">{t("deliveredOn", { date: when(shipment.deliveredAt) })}</Text>
                ) : shipment.estimate ? (
                  <>
                    <Text as="p">
                      {t("expected", {
                        from: when(shipment.estimate.earliest),
                        to: when(shipment.estimate.latest),
                      })}
                    </Text>
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("estimateFrom", {
                        source: t(
                          shipment.estimate.source === "carrier"
                            ? "source_carrier"
                            : shipment.estimate.source === "history"
                              ? "source_history"
                              : "source_default",
                        ),
                        percent: Math.round((shipment.estimate.confidence ?? 0) * 100),
                      })}
                    </Text>
                  </>
                ) : (
                  <Text as="p" tone="subdued">
                    {t("noEstimate")}
                  </Text>
                )}
                {shipment.estimates.length > 0 && (
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t(
                      shipment.estimates.some((row) => row.kind === "missed")
                        ? "revisionsMissed"
                        : "revisionsNotMissed",
                      { n: shipment.estimates.filter((row) => row.kind === "revised").length },
                    )}
                  </Text>
                )}
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("shippedLastScan", {
                    shipped: when(shipment.shippedAt),
                    scan: when(shipment.lastCheckpointAt),
                  })}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("carrier")}
                </Text>
                <Text as="p">
                  {shipment.carrierName ?? t("unknown")}{" "}
                  <Text as="span" tone="subdued">
                    {t(shipment.carrierValid ? "carrierCertaintyValid" : "carrierCertainty", {
                      source: shipment.carrierSource,
                      percent: Math.round(shipment.carrierConfidence * 100),
                    })}
                  </Text>
                </Text>
                {shipment.trackingUrl && (
                  <Button url={shipment.trackingUrl} external variant="plain">
                    {t("carrierPage")}
                  </Button>
                )}
                <fetcher.Form method="post">
                  <input type="hidden" name="intent" value="carrier" />
                  <BlockStack gap="200">
                    <Select
                      label={t("correctCarrier")}
                      name="carrier"
                      value={carrier}
                      onChange={setCarrier}
                      options={[
                        { label: t("choose"), value: "", disabled: true },
                        ...Object.entries(CARRIERS).map(([code, { name }]) => ({
                          label: name,
                          value: code,
                        })),
                      ]}
                      helpText={t("correctCarrierHelp")}
                    />
                    <Button submit disabled={!carrier || carrier === shipment.carrier}>
                      {t("saveCarrier")}
                    </Button>
                  </BlockStack>
                </fetcher.Form>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("items")}
                </Text>
                {shipment.lines.map((line) => (
                  <Text as="p" key={line.shopifyId}>
                    {line.quantity} × {line.title}
                    {line.variantTitle ? ` (${line.variantTitle})` : ""}
                  </Text>
                ))}
                {shipment.order.destination && (
                  <Box paddingBlockStart="200">
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("destination", {
                        place: [
                          shipment.order.destination.city,
                          shipment.order.destination.province_code,
                          shipment.order.destination.country_code,
                        ]
                          .filter(Boolean)
                          .join(", "),
                      })}
                    </Text>
                  </Box>
                )}
              </BlockStack>
            </Card>
            <WriteBacksCard writeBacks={shipment.writeBacks} t={t} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
