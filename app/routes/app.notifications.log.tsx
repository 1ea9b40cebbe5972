import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { formatCount, formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import {
  messageStatusLabel,
  notificationMessages,
  triggerLabel,
} from "../notifications/admin-messages";
import { listMessages, parseMessageFilter } from "../notifications/queries.server";
import { isTrigger } from "../notifications/triggers";
import { negotiateLocale } from "../platform/i18n";
import { requireAdminShop } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseMessageFilter(new URL(request.url).searchParams);
  return { messages: await listMessages(shop, filter), filter };
};

const STATUS_TONES = {
  sent: "success",
  failed: "critical",
  queued: "info",
  suppressed: undefined,
} as const;

/** What the carrier reported for an SMS (Twilio's status callbacks). */
const DELIVERY_TONES: Record<string, "success" | "critical" | "info" | undefined> = {
  delivered: "success",
  read: "success",
  undelivered: "critical",
  failed: "critical",
};

export default function NotificationLog() {
  const { messages, filter } = useLoaderData<typeof loader>();
  const shop = useShop();
  const t = notificationMessages(negotiateLocale([shop.locale]));
  const when = (value: string | Date) => formatDateTime(value, shop.timezone, shop.locale);
  const [searchParams, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(filter.query ?? "");
  useEffect(() => setQuery(filter.query ?? ""), [filter.query]);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setSearchParams(next);
  };
  const pages = Math.max(Math.ceil(messages.total / messages.pageSize), 1);

  return (
    <Page
      title={t("sentMessages")}
      backAction={{ content: t("title"), url: "/app/notifications" }}
      subtitle={t("logSubtitle")}
    >
      <Card padding="0">
        <div style={{ padding: "12px" }}>
          <InlineStack gap="300" wrap={false}>
            <div style={{ flexGrow: 1 }}>
              <TextField
                label={t("logSearch")}
                labelHidden
                placeholder={t("logSearchPlaceholder")}
                value={query}
                onChange={setQuery}
                onBlur={() => update({ q: query })}
                autoComplete="off"
              />
            </div>
            <Select
              label={t("logStatus")}
              labelInline
              options={[
                { label: t("logAny"), value: "" },
                ...(["sent", "queued", "failed", "suppressed"] as const).map((status) => ({
                  label: t(`status_${status}`),
                  value: status,
                })),
              ]}
              value={filter.status ?? ""}
              onChange={(value) => update({ status: value })}
            />
            <Select
              label={t("logChannel")}
              labelInline
              options={[
                { label: t("logAny"), value: "" },
                { label: t("channel_email"), value: "email" },
                { label: t("channel_sms"), value: "sms" },
              ]}
              value={filter.channel ?? ""}
              onChange={(value) => update({ channel: value })}
            />
          </InlineStack>
        </div>
        {messages.total === 0 ? (
          <EmptyState
            heading={t(filter.query || filter.status || filter.channel ? "logNoMatch" : "logEmpty")}
            image=""
          >
            <p>{t("logEmptyBody")}</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: t("messageSingular"), plural: t("messagePlural") }}
            itemCount={messages.items.length}
            selectable={false}
            headings={[
              { title: t("colOrder") },
              { title: t("colRecipient") },
              { title: t("colMessage") },
              { title: t("logStatus") },
              { title: t("colDelivery") },
              { title: t("colWhen") },
            ]}
          >
            {messages.items.map((message, index) => (
              <IndexTable.Row id={message.id} key={message.id} position={index}>
                <IndexTable.Cell>{message.orderName ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" variant="bodyMd">
                    {message.recipient}
                  </Text>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t(message.channel === "sms" ? "channel_sms" : "channel_email")}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" variant="bodyMd">
                    {isTrigger(message.trigger)
                      ? triggerLabel(t, message.trigger)
                      : message.trigger}
                  </Text>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {message.trigger}
                    {message.subject ? ` · ${message.subject}` : ""}
                    {message.smsBody ? ` · ${message.smsBody}` : ""}
                    {message.segments
                      ? ` · ${t(message.segments === 1 ? "segments_one" : "segments_other", {
                          segments: formatCount(message.segments, shop.locale),
                        })}`
                      : ""}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={STATUS_TONES[message.status as keyof typeof STATUS_TONES]}>
                    {messageStatusLabel(t, "status", message.status)}
                  </Badge>
                  {message.detail ? (
                    <Text as="p" tone="subdued" variant="bodySm">
                      {message.detail}
                    </Text>
                  ) : null}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {message.channel === "sms" ? (
                    message.deliveryStatus ? (
                      <Badge tone={DELIVERY_TONES[message.deliveryStatus] ?? "info"}>
                        {messageStatusLabel(t, "delivery", message.deliveryStatus)}
                      </Badge>
                    ) : (
                      "—"
                    )
                  ) : message.openedAt ? (
                    t("opened", { date: when(message.openedAt) })
                  ) : (
                    "—"
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>{when(message.sentAt ?? message.sendAfter)}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
        <div style={{ padding: "12px", display: "flex", justifyContent: "center" }}>
          <Pagination
            hasPrevious={filter.page > 1}
            hasNext={filter.page < pages}
            onPrevious={() => update({ page: String(filter.page - 1) })}
            onNext={() => update({ page: String(filter.page + 1) })}
            label={t("pageOf", { page: filter.page, pages })}
          />
        </div>
      </Card>
    </Page>
  );
}
