import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { formatDateTime, formatMinor } from "../components/format";
import { useShop } from "../components/ShopContext";
import { useLiveInbox } from "../components/useLiveInbox";
import {
  CONVERSATION_STATUS_LABELS,
  CONVERSATION_STATUS_TONES,
  formatDuration,
} from "../components/support";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import { CONVERSATION_STATUSES } from "../support/statuses";
import {
  addNote,
  conversationDetail,
  replyToShopper,
  updateConversation,
  type ConversationDetail,
  type MerchantActionResult,
} from "../support/index.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const conversation = await conversationDetail(shop, params.id ?? "");
  if (!conversation) throw new Response("Conversation not found", { status: 404 });
  return { conversation, now: new Date().toISOString() };
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reply"), body: z.string() }),
  z.object({ intent: z.literal("note"), body: z.string() }),
  z.object({
    intent: z.literal("update"),
    status: z.enum(CONVERSATION_STATUSES),
    assignee: z.string().default(""),
  }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const parsed = ActionSchema.safeParse(
    Object.fromEntries(await readForm(request, BODY_LIMITS.adminForm)),
  );
  if (!parsed.success) return { ok: false, error: "invalid" } as const;
  const id = params.id ?? "";
  const input = parsed.data;
  const result: MerchantActionResult =
    input.intent === "reply"
      ? await replyToShopper(shop, id, input.body)
      : input.intent === "note"
        ? await addNote(shop, id, input.body)
        : await updateConversation(shop, id, { status: input.status, assignee: input.assignee });
  return { ...result, intent: input.intent };
};

const ERRORS: Record<string, string> = {
  empty: "Write a message first.",
  invalidText: "The message holds control characters; paste it as plain text.",
  tooLong: "Keep the message under 5,000 characters.",
  notFound: "This conversation no longer exists.",
  invalid: "Something in the form was not understood; reload the page.",
};

const DELIVERY: Record<string, string> = {
  storefront: "Sent. The shopper is reading the conversation on your store and sees it there.",
  email: "Sent by email, threaded with the conversation.",
  notConfigured: "Saved, but no email could be sent: the app has no SMTP_URL.",
};

const AUTHOR_LABELS = {
  shopper: "Shopper",
  merchant: "You",
  assistant: "Assistant",
  note: "Internal note",
} as const;

export default function SupportConversation() {
  const { conversation, now } = useLoaderData<typeof loader>();
  const shop = useShop();
  useLiveInbox(conversation.id);
  const fetcher = useFetcher<typeof action>();
  const [body, setBody] = useState("");
  const [status, setStatus] = useState(conversation.status);
  const [assignee, setAssignee] = useState(conversation.assignee ?? "");
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";
  const send = (intent: "reply" | "note") => {
    fetcher.submit({ intent, body }, { method: "post" });
    setBody("");
  };
  const when = (iso: string) => formatDateTime(iso, shop.timezone, shop.locale);

  return (
    <Page
      title={`Conversation about ${conversation.orderName}`}
      subtitle={conversation.email}
      backAction={{ content: "Inbox", url: "/app/support/inbox" }}
      titleMetadata={
        <Badge tone={CONVERSATION_STATUS_TONES[conversation.status]}>
          {CONVERSATION_STATUS_LABELS[conversation.status]}
        </Badge>
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && !result.ok && (
              <Banner tone="critical">
                <p>
                  {"missing" in result && result.missing
                    ? `This conversation has no value for ${result.missing.map((name) => `{{${name}}}`).join(", ")}: remove it or write the link yourself.`
                    : (ERRORS[result.error] ?? result.error)}
                </p>
              </Banner>
            )}
            {result?.ok && result.intent === "reply" && "delivered" in result && (
              <Banner tone={result.delivered === "notConfigured" ? "warning" : "success"}>
                <p>{DELIVERY[result.delivered ?? "email"]}</p>
              </Banner>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Messages
                </Text>
                <ol style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Messages">
                  {conversation.messages.map((message) => (
                    <li
                      key={message.id}
                      style={{
                        padding: 12,
                        marginBottom: 8,
                        borderRadius: 8,
                        background: message.author === "note" ? "#fff8e1" : "#f6f6f7",
                      }}
                    >
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="span" fontWeight="semibold">
                          {AUTHOR_LABELS[message.author]}
                        </Text>
                        <Text as="span" tone="subdued">
                          {when(message.at)} · {message.channel}
                          {message.emailStatus && message.emailStatus !== "none"
                            ? ` · email ${message.emailStatus}`
                            : ""}
                        </Text>
                      </InlineStack>
                      <p style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>{message.body}</p>
                    </li>
                  ))}
                </ol>
              </BlockStack>
            </Card>
            <ReplyCard
              conversation={conversation}
              body={body}
              setBody={setBody}
              busy={busy}
              send={send}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Handling
                </Text>
                <Text as="p">
                  {conversation.firstResponseAt
                    ? `First response after ${formatDuration(conversation.createdAt, conversation.firstResponseAt)}`
                    : `Waiting for a first response for ${formatDuration(conversation.createdAt, now)}`}
                </Text>
                {conversation.closedAt && (
                  <Text as="p">
                    Resolved after {formatDuration(conversation.createdAt, conversation.closedAt)}
                  </Text>
                )}
                <Select
                  label="Status"
                  options={CONVERSATION_STATUSES.map((value) => ({
                    label: CONVERSATION_STATUS_LABELS[value],
                    value,
                  }))}
                  value={status}
                  onChange={(value) => setStatus(value as typeof status)}
                />
                <TextField
                  label="Assignee"
                  autoComplete="off"
                  value={assignee}
                  onChange={setAssignee}
                  helpText="Who on your team answers it"
                />
                <Button
                  loading={busy}
                  onClick={() =>
                    fetcher.submit({ intent: "update", status, assignee }, { method: "post" })
                  }
                >
                  Save
                </Button>
              </BlockStack>
            </Card>
            <OrderContextCard conversation={conversation} when={when} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function ReplyCard({
  conversation,
  body,
  setBody,
  busy,
  send,
}: {
  conversation: ConversationDetail;
  body: string;
  setBody: (value: string) => void;
  busy: boolean;
  send: (intent: "reply" | "note") => void;
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Answer
        </Text>
        {conversation.savedReplies.length > 0 ? (
          <Select
            label="Saved reply"
            options={[
              { label: "Choose a saved reply", value: "" },
              ...conversation.savedReplies.map((reply) => ({
                label: reply.title,
                value: reply.id,
              })),
            ]}
            value=""
            onChange={(id) => {
              const reply = conversation.savedReplies.find((entry) => entry.id === id);
              if (reply) setBody(reply.body);
            }}
          />
        ) : (
          <Text as="p" tone="subdued">
            No saved replies yet: write your frequent answers once in Saved replies.
          </Text>
        )}
        <TextField
          label="Message"
          multiline={6}
          autoComplete="off"
          value={body}
          onChange={setBody}
          maxLength={5000}
          helpText="{{tracking_url}}, {{return_link}} and {{order_name}} are filled in for this order when you send."
        />
        <InlineStack gap="200">
          <Button variant="primary" loading={busy} onClick={() => send("reply")}>
            Send reply
          </Button>
          <Button loading={busy} onClick={() => send("note")}>
            Add internal note
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}

function OrderContextCard({
  conversation,
  when,
}: {
  conversation: ConversationDetail;
  when: (iso: string) => string;
}) {
  const context = conversation.context;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          Order {conversation.orderName}
        </Text>
        {!context ? (
          <Text as="p">{"The order's details could not be read."}</Text>
        ) : (
          <>
            <Text as="p">
              {formatMinor(context.order.totalPrice, context.order.currency)} ·{" "}
              {context.order.financialStatus ?? "—"} ·{" "}
              {context.order.fulfillmentStatus ?? "unfulfilled"}
              {context.order.cancelled ? " · cancelled" : ""}
            </Text>
            <Text as="h3" variant="headingSm">
              Shipments
            </Text>
            {context.shipments.length === 0 ? (
              <Text as="p">Not shipped yet</Text>
            ) : (
              context.shipments.map((shipment) => (
                <Text as="p" key={shipment.trackingNumber}>
                  {shipment.carrier ?? "Carrier"} {shipment.trackingNumber}: {shipment.tag}{" "}
                  <a href={shipment.trackingUrl} target="_blank" rel="noreferrer">
                    tracking page
                  </a>
                </Text>
              ))
            )}
            <Text as="h3" variant="headingSm">
              Returns
            </Text>
            {context.returns.length === 0 ? (
              <Text as="p">None</Text>
            ) : (
              context.returns.map((entry) => (
                <Text as="p" key={entry.id}>
                  <a href={`/app/returns/${entry.id}`}>{entry.status}</a>, requested{" "}
                  {when(entry.requestedAt)}
                </Text>
              ))
            )}
            <Text as="h3" variant="headingSm">
              Loyalty
            </Text>
            <Text as="p">
              {context.points
                ? `${context.points.balance} points (${context.points.pending} pending)${context.points.tier ? `, ${context.points.tier}` : ""}`
                : "Not a member"}
            </Text>
            <Text as="h3" variant="headingSm">
              Last NPS answer
            </Text>
            <Text as="p">
              {context.lastNps
                ? `${context.lastNps.score}/10 on ${when(context.lastNps.at)}${context.lastNps.comment ? `: “${context.lastNps.comment}”` : ""}`
                : "None"}
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
