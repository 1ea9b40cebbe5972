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
import { TAG_TONES, tagLabel } from "../tracking/labels";
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
  const fetcher = useFetcher<{ ok: boolean; error: string | null }>();
  const [carrier, setCarrier] = useState(shipment.carrier ?? "");
  const when = (value: string | Date | null | undefined) =>
    formatDateTime(value, shop.timezone, shop.locale);
  const orderUrl = `shopify://admin/orders/${shipment.order.shopifyId}`;

  return (
    <Page
      backAction={{ content: "Shipments", url: "/app/shipments" }}
      title={`${shipment.order.name ?? "Shipment"} · ${shipment.trackingNumber}`}
      titleMetadata={<Badge tone={TAG_TONES[shipment.tag]}>{tagLabel(shipment.tag)}</Badge>}
      secondaryActions={[{ content: "Open order in Shopify", url: orderUrl, target: "_top" }]}
    >
      <Layout>
        {shipment.reship && (
          <Layout.Section>
            <Banner tone="success" title={`Reshipped as order ${shipment.reship.orderName ?? ""}`}>
              <Button
                url={`shopify://admin/orders/${shipment.reship.orderShopifyId}`}
                target="_top"
              >
                Open the replacement order
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
                Timeline
              </Text>
              {shipment.checkpoints.length === 0 ? (
                <Text as="p" tone="subdued">
                  No carrier scans yet. They appear here as the carrier reports them.
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
                            {checkpoint.utcOffset ? ` (carrier time ${checkpoint.utcOffset})` : ""}
                          </Text>
                        </InlineStack>
                        <Text as="p">{checkpoint.message}</Text>
                        {checkpoint.location && (
                          <Text as="p" tone="subdued" variant="bodySm">
                            {checkpoint.location}
                          </Text>
                        )}
                        <Text as="p" tone="subdued" variant="bodySm">
                          Source: {checkpoint.source}
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
                  Delivery
                </Text>
                {shipment.deliveredAt ? (
                  <Text as="p">Delivered {when(shipment.deliveredAt)}</Text>
                ) : shipment.estimate ? (
                  <>
                    <Text as="p">
                      Expected {when(shipment.estimate.earliest)} – {when(shipment.estimate.latest)}
                    </Text>
                    <Text as="p" tone="subdued" variant="bodySm">
                      From{" "}
                      {shipment.estimate.source === "carrier"
                        ? "the carrier"
                        : shipment.estimate.source === "history"
                          ? "your shop's past deliveries"
                          : "carrier defaults"}
                      , confidence {Math.round((shipment.estimate.confidence ?? 0) * 100)}%
                    </Text>
                  </>
                ) : (
                  <Text as="p" tone="subdued">
                    No estimate yet
                  </Text>
                )}
                {shipment.estimates.length > 0 && (
                  <Text as="p" tone="subdued" variant="bodySm">
                    {shipment.estimates.filter((row) => row.kind === "revised").length} revision(s),{" "}
                    {shipment.estimates.some((row) => row.kind === "missed")
                      ? "estimate missed"
                      : "not missed"}
                  </Text>
                )}
                <Text as="p" tone="subdued" variant="bodySm">
                  Shipped {when(shipment.shippedAt)} · last scan {when(shipment.lastCheckpointAt)}
                </Text>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Carrier
                </Text>
                <Text as="p">
                  {shipment.carrierName ?? "Unknown"}{" "}
                  <Text as="span" tone="subdued">
                    ({shipment.carrierSource}, {Math.round(shipment.carrierConfidence * 100)}% sure
                    {shipment.carrierValid ? ", valid format" : ""})
                  </Text>
                </Text>
                {shipment.trackingUrl && (
                  <Button url={shipment.trackingUrl} external variant="plain">
                    Carrier tracking page
                  </Button>
                )}
                <fetcher.Form method="post">
                  <input type="hidden" name="intent" value="carrier" />
                  <BlockStack gap="200">
                    <Select
                      label="Correct the carrier"
                      name="carrier"
                      value={carrier}
                      onChange={setCarrier}
                      options={[
                        { label: "Choose…", value: "", disabled: true },
                        ...Object.entries(CARRIERS).map(([code, { name }]) => ({
                          label: name,
                          value: code,
                        })),
                      ]}
                      helpText="Your choice wins and teaches Aftercare this shop's numbers of this format."
                    />
                    <Button submit disabled={!carrier || carrier === shipment.carrier}>
                      Save carrier
                    </Button>
                  </BlockStack>
                </fetcher.Form>
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Items
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
                      To{" "}
                      {[
                        shipment.order.destination.city,
                        shipment.order.destination.province_code,
                        shipment.order.destination.country_code,
                      ]
                        .filter(Boolean)
                        .join(", ")}
                    </Text>
                  </Box>
                )}
              </BlockStack>
            </Card>
            <WriteBacksCard writeBacks={shipment.writeBacks} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
