import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Divider,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { AppImage } from "../components/AppImage";
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { returnDetail } from "../returns/admin.server";
import {
  EVENT_LABELS,
  RESOLUTION_LABELS,
  STATUS_LABELS,
  STATUS_TONES,
  label,
  reasonLabel,
} from "../returns/labels";
import {
  approveReturn,
  declineReturn,
  issueLabel,
  markReceived,
  processReturn,
  type LifecycleResult,
} from "../returns/lifecycle.server";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const found = await returnDetail(shop, params.id ?? "");
  if (!found) throw new Response("Return not found", { status: 404 });
  return { found };
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("decline"), reason: z.string().default("") }),
  z.object({ intent: z.literal("issue_label") }),
  z.object({ intent: z.literal("receive") }),
  z.object({ intent: z.literal("process") }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return Response.json({ ok: false, message: "Unknown action" }, { status: 400 });
  }
  const id = params.id ?? "";
  const input = parsed.data;
  const result: LifecycleResult =
    input.intent === "approve"
      ? await approveReturn(shop, id)
      : input.intent === "decline"
        ? await declineReturn(shop, id, input.reason)
        : input.intent === "issue_label"
          ? await issueLabel(shop, id)
          : input.intent === "receive"
            ? await markReceived(shop, id)
            : await processReturn(shop, id);
  const status = result.ok ? 200 : result.message === "Return not found" ? 404 : 409;
  return Response.json(result, { status });
};

/** The actions that can move a return on from each status. */
const NEXT: Record<string, { intent: string; content: string }[]> = {
  requested: [{ intent: "approve", content: "Approve" }],
  open: [
    { intent: "issue_label", content: "Issue label" },
    { intent: "receive", content: "Mark received" },
    { intent: "process", content: "Process" },
  ],
  in_transit: [
    { intent: "receive", content: "Mark received" },
    { intent: "process", content: "Process" },
  ],
  received: [{ intent: "process", content: "Process" }],
};

export default function ReturnPage() {
  const { found } = useLoaderData<typeof loader>();
  const shop = useShop();
  const fetcher = useFetcher<LifecycleResult>();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const busy = fetcher.state !== "idle";
  const nextActions = NEXT[found.status] ?? [];
  const when = (value: string | Date | null | undefined) =>
    formatDateTime(value, shop.timezone, shop.locale);
  const money = (minor: number) => formatMinor(minor, found.currency, shop.locale);
  const { preview } = found;

  return (
    <Page
      backAction={{ content: "Returns", url: "/app/returns" }}
      title={`Return for ${found.orderName}`}
      titleMetadata={
        <Badge tone={STATUS_TONES[found.status]}>{label(STATUS_LABELS, found.status)}</Badge>
      }
      subtitle={`Requested ${when(found.requestedAt)}${found.email ? ` by ${found.email}` : ""}`}
      secondaryActions={[
        {
          content: "Open order in Shopify",
          url: `shopify://admin/orders/${found.orderShopifyId}`,
          target: "_top",
        },
      ]}
    >
      <Layout>
        {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" && (
          <Layout.Section>
            <Banner tone="critical" title="Not done">
              <p>{fetcher.data.message}</p>
            </Banner>
          </Layout.Section>
        )}
        {found.declineReason && (
          <Layout.Section>
            <Banner tone="warning" title="Declined">
              <p>Reason the customer sees: {found.declineReason}</p>
            </Banner>
          </Layout.Section>
        )}
        {nextActions.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200">
                  {nextActions.map((next, index) => (
                    <fetcher.Form method="post" key={next.intent}>
                      <input type="hidden" name="intent" value={next.intent} />
                      <Button submit variant={index === 0 ? "primary" : undefined} loading={busy}>
                        {next.content}
                      </Button>
                    </fetcher.Form>
                  ))}
                  {found.status === "requested" && (
                    <Button tone="critical" onClick={() => setDeclining(true)} disabled={busy}>
                      Decline
                    </Button>
                  )}
                </InlineStack>
                {declining && found.status === "requested" && (
                  <fetcher.Form method="post">
                    <input type="hidden" name="intent" value="decline" />
                    <BlockStack gap="200">
                      <TextField
                        label="Reason for declining"
                        name="reason"
                        value={reason}
                        onChange={setReason}
                        multiline={2}
                        autoComplete="off"
                        helpText="The customer sees this."
                      />
                      <InlineStack gap="200">
                        <Button submit tone="critical" variant="primary" loading={busy}>
                          Decline return
                        </Button>
                        <Button onClick={() => setDeclining(false)}>Cancel</Button>
                      </InlineStack>
                    </BlockStack>
                  </fetcher.Form>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Items
                </Text>
                {found.lines.map((line, index) => (
                  <BlockStack gap="100" key={line.id}>
                    {index > 0 && <Divider />}
                    <InlineStack align="space-between" blockAlign="start">
                      <Text as="p" fontWeight="semibold">
                        {formatCount(line.quantity, shop.locale)} × {line.title}
                        {line.variantTitle ? ` (${line.variantTitle})` : ""}
                      </Text>
                      <Badge>{label(RESOLUTION_LABELS, line.resolution)}</Badge>
                    </InlineStack>
                    <Text as="p">Reason: {reasonLabel(line.reason)}</Text>
                    {line.customerNote && (
                      <Text as="p" tone="subdued">
                        “{line.customerNote}”
                      </Text>
                    )}
                    {line.resolution === "exchange" && (
                      <Text as="p">
                        Exchange for{" "}
                        {line.exchangeVariantTitle ?? `variant ${line.exchangeVariantId ?? "—"}`}
                        {line.priceDifference
                          ? ` (price difference ${money(line.priceDifference)})`
                          : ""}
                      </Text>
                    )}
                    <Text as="p" tone="subdued" variant="bodySm">
                      {money(line.unitPrice)} each · amount {money(line.amount)} · fee{" "}
                      {money(line.fee)} · bonus {money(line.bonus)}
                    </Text>
                    {(found.explanations[line.lineItemShopifyId] ?? []).length > 0 && (
                      <Text as="p" tone="subdued" variant="bodySm">
                        Policy: {found.explanations[line.lineItemShopifyId]!.join("; ")}
                      </Text>
                    )}
                  </BlockStack>
                ))}
                {found.note && (
                  <>
                    <Divider />
                    <Text as="p">Note from the shopper: {found.note}</Text>
                  </>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Timeline
                </Text>
                <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {found.events.map((event) => (
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
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Refund preview
                </Text>
                {preview.byResolution.map((entry) => (
                  <InlineStack key={entry.resolution} align="space-between">
                    <Text as="span">
                      {label(RESOLUTION_LABELS, entry.resolution)} (
                      {formatCount(entry.items, shop.locale)})
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
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Return label
                </Text>
                {found.labels.length === 0 ? (
                  <Text as="p" tone="subdued">
                    No label yet
                  </Text>
                ) : (
                  found.labels.map((item) => (
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
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Photos
                </Text>
                {found.photos.length === 0 ? (
                  <Text as="p" tone="subdued">
                    No photos attached
                  </Text>
                ) : (
                  <InlineStack gap="300">
                    {found.photos.map((photo, index) => (
                      <BlockStack gap="100" key={photo.id}>
                        <AppImage
                          url={`/app/returns/photos/${photo.id}`}
                          alt={`Photo ${index + 1} of ${found.photos.length}`}
                        />
                        <Text as="p" tone="subdued" variant="bodySm">
                          {formatCount(Math.ceil(photo.bytes / 1024), shop.locale)} KB
                          {photo.width && photo.height
                            ? `, ${photo.width}×${photo.height}`
                            : ""} · {when(photo.createdAt)}
                        </Text>
                      </BlockStack>
                    ))}
                  </InlineStack>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
