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
import { AutomaticRefundCard } from "../components/AutomaticRefundCard";
import {
  ExchangeCard,
  RefundPreviewCard,
  ReturnLabelsCard,
  ReturnPhotosCard,
  ReturnTimelineCard,
} from "../components/ReturnDetailCards";
import { ClaimCard, CustomerSignalsCard, InspectionCard } from "../components/ReturnReview";
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { negotiateLocale } from "../platform/i18n";
import { returnDetail } from "../returns/admin.server";
import { STATUS_TONES, reasonLabel } from "../returns/labels";
import { labelOf, returnsQueueMessages } from "../returns/queue-messages";
import { ReturnActionSchema, runReturnAction } from "../returns/admin-actions.server";
import { nextActions, type LifecycleResult } from "../returns/lifecycle.server";
import { requireAdminShop } from "../shopify.server";
import { adminLocale } from "../shops/shops.server";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const found = await returnDetail(shop, params.id ?? "");
  if (!found) throw new Response("Return not found", { status: 404 });
  return { found, next: found.kind === "warranty" ? [] : nextActions(found.status) };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  const parsed = ReturnActionSchema.safeParse({
    ...Object.fromEntries(form),
    mismatch: form.getAll("mismatch"),
  });
  if (!parsed.success) {
    const t = returnsQueueMessages(await adminLocale(shop));
    return Response.json({ ok: false, message: t("unknownAction") }, { status: 400 });
  }
  const result = await runReturnAction(shop, params.id ?? "", parsed.data);
  const status = result.ok ? 200 : result.message === "Return not found" ? 404 : 409;
  return Response.json(result, { status });
};

export default function ReturnPage() {
  const { found, next } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = returnsQueueMessages(negotiateLocale([shop.locale]));
  const fetcher = useFetcher<LifecycleResult>();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const busy = fetcher.state !== "idle";
  const claim = found.kind === "warranty";
  const nextSteps = next.map((intent) => ({ intent, content: labelOf(t, "step_", intent) }));
  const when = (value: string | Date | null | undefined) =>
    formatDateTime(value, shop.timezone, shop.locale);
  const money = (minor: number) => formatMinor(minor, found.currency, shop.locale);

  return (
    <Page
      backAction={{ content: t("title"), url: "/app/returns" }}
      title={t(claim ? "claimFor" : "returnFor", { order: found.orderName })}
      titleMetadata={
        <Badge tone={STATUS_TONES[found.status]}>{labelOf(t, "status_", found.status)}</Badge>
      }
      subtitle={
        found.email
          ? t("requestedOnBy", { when: when(found.requestedAt), email: found.email })
          : t("requestedOn", { when: when(found.requestedAt) })
      }
      secondaryActions={[
        {
          content: t("openOrder"),
          url: `shopify://admin/orders/${found.orderShopifyId}`,
          target: "_top",
        },
      ]}
    >
      <Layout>
        {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" && (
          <Layout.Section>
            <Banner tone="critical" title={t("notDone")}>
              <p>{fetcher.data.message}</p>
            </Banner>
          </Layout.Section>
        )}
        {found.declineReason && (
          <Layout.Section>
            <Banner tone="warning" title={t("status_declined")}>
              <p>{t("declinedReasonShown", { reason: found.declineReason })}</p>
            </Banner>
          </Layout.Section>
        )}
        {claim && (
          <Layout.Section>
            <ClaimCard
              status={found.status}
              outcome={found.claimOutcome}
              replacement={
                found.replacementOrderShopifyId
                  ? { id: found.replacementOrderShopifyId, name: found.replacementOrderName ?? "" }
                  : null
              }
            />
          </Layout.Section>
        )}
        {(nextSteps.length > 0 || found.status === "requested") && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200">
                  {nextSteps.map((step, index) => (
                    <fetcher.Form method="post" key={step.intent}>
                      <input type="hidden" name="intent" value={step.intent} />
                      <Button submit variant={index === 0 ? "primary" : undefined} loading={busy}>
                        {step.content}
                      </Button>
                    </fetcher.Form>
                  ))}
                  {found.status === "requested" && (
                    <Button tone="critical" onClick={() => setDeclining(true)} disabled={busy}>
                      {t("decline")}
                    </Button>
                  )}
                </InlineStack>
                {declining && found.status === "requested" && (
                  <fetcher.Form method="post">
                    <input type="hidden" name="intent" value="decline" />
                    <BlockStack gap="200">
                      <TextField
                        label={t("declineReason")}
                        name="reason"
                        value={reason}
                        onChange={setReason}
                        multiline={2}
                        autoComplete="off"
                        helpText={t("declineHelp")}
                      />
                      <InlineStack gap="200">
                        <Button submit tone="critical" variant="primary" loading={busy}>
                          {t("declineReturn")}
                        </Button>
                        <Button onClick={() => setDeclining(false)}>{t("cancel")}</Button>
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
                  {t("itemsTitle")}
                </Text>
                {found.lines.map((line, index) => (
                  <BlockStack gap="100" key={line.id}>
                    {index > 0 && <Divider />}
                    <InlineStack align="space-between" blockAlign="start">
                      <Text as="p" fontWeight="semibold">
                        {formatCount(line.quantity, shop.locale)} × {line.title}
                        {line.variantTitle ? ` (${line.variantTitle})` : ""}
                      </Text>
                      <Badge>{labelOf(t, "resolution_", line.resolution)}</Badge>
                    </InlineStack>
                    <Text as="p">{t("lineReason", { reason: reasonLabel(line.reason) })}</Text>
                    {line.customerNote && (
                      <Text as="p" tone="subdued">
                        “{line.customerNote}”
                      </Text>
                    )}
                    {line.resolution === "exchange" && (
                      <Text as="p">
                        {t(line.priceDifference ? "exchangeForDifference" : "exchangeFor", {
                          variant:
                            line.exchangeVariantTitle ??
                            t("exchangeVariant", { id: line.exchangeVariantId ?? "—" }),
                          amount: money(line.priceDifference),
                        })}
                      </Text>
                    )}
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("lineAmounts", {
                        unit: money(line.unitPrice),
                        amount: money(line.amount),
                        fee: money(line.fee),
                        bonus: money(line.bonus),
                      })}
                    </Text>
                    {(found.explanations[line.lineItemShopifyId] ?? []).length > 0 && (
                      <Text as="p" tone="subdued" variant="bodySm">
                        {t("linePolicy", {
                          rules: found.explanations[line.lineItemShopifyId]!.join("; "),
                        })}
                      </Text>
                    )}
                  </BlockStack>
                ))}
                {found.note && (
                  <>
                    <Divider />
                    <Text as="p">{t("shopperNote", { note: found.note })}</Text>
                  </>
                )}
              </BlockStack>
            </Card>
            <ReturnTimelineCard events={found.events} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            {found.automaticRefund && <AutomaticRefundCard refund={found.automaticRefund} />}
            <CustomerSignalsCard
              signals={found.customer.signals}
              lookbackDays={found.customer.lookbackDays}
            />
            {["open", "in_transit", "received", "closed"].includes(found.status) && (
              <InspectionCard lines={found.lines} />
            )}
            <RefundPreviewCard preview={found.preview} currency={found.currency} />
            <ExchangeCard exchange={found.exchange} currency={found.currency} />
            <ReturnLabelsCard labels={found.labels} />
            <ReturnPhotosCard photos={found.photos} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
