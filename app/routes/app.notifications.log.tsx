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
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { listMessages, parseMessageFilter } from "../notifications/queries.server";
import { TRIGGERS, isTrigger } from "../notifications/triggers";
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
      title="Sent messages"
      backAction={{ content: "Notifications", url: "/app/notifications" }}
      subtitle="Every email and SMS Aftercare queued for your shoppers, with what happened to it"
    >
      <Card padding="0">
        <div style={{ padding: "12px" }}>
          <InlineStack gap="300" wrap={false}>
            <div style={{ flexGrow: 1 }}>
              <TextField
                label="Search"
                labelHidden
                placeholder="Order (#1001), email or phone"
                value={query}
                onChange={setQuery}
                onBlur={() => update({ q: query })}
                autoComplete="off"
              />
            </div>
            <Select
              label="Status"
              labelInline
              options={[
                { label: "Any", value: "" },
                { label: "Sent", value: "sent" },
                { label: "Queued", value: "queued" },
                { label: "Failed", value: "failed" },
                { label: "Not sent", value: "suppressed" },
              ]}
              value={filter.status ?? ""}
              onChange={(value) => update({ status: value })}
            />
            <Select
              label="Channel"
              labelInline
              options={[
                { label: "Any", value: "" },
                { label: "Email", value: "email" },
                { label: "SMS", value: "sms" },
              ]}
              value={filter.channel ?? ""}
              onChange={(value) => update({ channel: value })}
            />
          </InlineStack>
        </div>
        {messages.total === 0 ? (
          <EmptyState
            heading={
              filter.query || filter.status || filter.channel
                ? "No messages match"
                : "No messages yet"
            }
            image=""
          >
            <p>
              Shoppers get an email when their parcel ships, is out for delivery, is delivered or
              runs into a problem, and a text too when you turn SMS on. Turn triggers on or off
              under Notifications.
            </p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "message", plural: "messages" }}
            itemCount={messages.items.length}
            selectable={false}
            headings={[
              { title: "Order" },
              { title: "Recipient" },
              { title: "Message" },
              { title: "Status" },
              { title: "Delivery" },
              { title: "When" },
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
                    {message.channel === "sms" ? "SMS" : "Email"}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" variant="bodyMd">
                    {isTrigger(message.trigger) ? TRIGGERS[message.trigger].label : message.trigger}
                  </Text>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {message.trigger}
                    {message.subject ? ` · ${message.subject}` : ""}
                    {message.smsBody ? ` · ${message.smsBody}` : ""}
                    {message.segments
                      ? ` · ${message.segments} segment${message.segments === 1 ? "" : "s"}`
                      : ""}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={STATUS_TONES[message.status as keyof typeof STATUS_TONES]}>
                    {message.status === "suppressed" ? "Not sent" : message.status}
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
                        {message.deliveryStatus}
                      </Badge>
                    ) : (
                      "—"
                    )
                  ) : message.openedAt ? (
                    `Opened ${formatDateTime(message.openedAt, shop.timezone)}`
                  ) : (
                    "—"
                  )}
                </IndexTable.Cell>
                <IndexTable.Cell>
                  {formatDateTime(message.sentAt ?? message.sendAfter, shop.timezone)}
                </IndexTable.Cell>
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
            label={`Page ${filter.page} of ${pages}`}
          />
        </div>
      </Card>
    </Page>
  );
}
