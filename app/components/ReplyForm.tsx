import { BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { ConversationDetail } from "../support/index.server";

/** The merchant's answer: a saved reply to start from, then sent to the shopper or kept as a note. */
export function ReplyForm({
  savedReplies,
  body,
  setBody,
  busy,
  send,
}: {
  savedReplies: ConversationDetail["savedReplies"];
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
        {savedReplies.length > 0 ? (
          <Select
            label="Saved reply"
            options={[
              { label: "Choose a saved reply", value: "" },
              ...savedReplies.map((reply) => ({
                label: reply.title,
                value: reply.id,
              })),
            ]}
            value=""
            onChange={(id) => {
              const reply = savedReplies.find((entry) => entry.id === id);
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
