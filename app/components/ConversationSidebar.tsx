import { BlockStack, Button, Card, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { ConversationDetail } from "../support/index.server";
import { CONVERSATION_STATUSES, type ConversationStatus } from "../support/statuses";
import { formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";
import { CONVERSATION_STATUS_LABELS, formatDuration } from "./support";

/** Beside a conversation: how fast it was handled, who owns it, and the order it is about. */
export function ConversationSidebar({
  conversation,
  now,
  busy,
  onSave,
}: {
  conversation: ConversationDetail;
  now: string;
  busy: boolean;
  onSave: (change: { status: ConversationStatus; assignee: string }) => void;
}) {
  return (
    <BlockStack gap="400">
      <HandlingCard conversation={conversation} now={now} busy={busy} onSave={onSave} />
      <OrderContextCard conversation={conversation} />
    </BlockStack>
  );
}

function HandlingCard({
  conversation,
  now,
  busy,
  onSave,
}: {
  conversation: ConversationDetail;
  now: string;
  busy: boolean;
  onSave: (change: { status: ConversationStatus; assignee: string }) => void;
}) {
  const [status, setStatus] = useState(conversation.status);
  const [assignee, setAssignee] = useState(conversation.assignee ?? "");
  return (
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
        <Button loading={busy} onClick={() => onSave({ status, assignee })}>
          Save
        </Button>
      </BlockStack>
    </Card>
  );
}

function OrderContextCard({ conversation }: { conversation: ConversationDetail }) {
  const shop = useShop();
  const when = (iso: string) => formatDateTime(iso, shop.timezone, shop.locale);
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
