import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { ConversationDetail } from "../support/index.server";
import { AppImage } from "./AppImage";
import { formatDateTime } from "./format";
import { useShop } from "./ShopContext";

const AUTHOR_LABELS = {
  shopper: "Shopper",
  merchant: "You",
  assistant: "Assistant",
  note: "Internal note",
} as const;

/** A conversation's messages, oldest first; internal notes stand out so none is taken for a reply. */
export function ConversationThread({ messages }: { messages: ConversationDetail["messages"] }) {
  const shop = useShop();
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Messages
        </Text>
        <ol style={{ listStyle: "none", padding: 0, margin: 0 }} aria-label="Messages">
          {messages.map((message) => (
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
                  {formatDateTime(message.at, shop.timezone, shop.locale)} · {message.channel}
                  {message.emailStatus && message.emailStatus !== "none"
                    ? ` · email ${message.emailStatus}`
                    : ""}
                </Text>
              </InlineStack>
              {message.body && (
                <p style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}>{message.body}</p>
              )}
              {message.images.length > 0 && (
                <InlineStack gap="200">
                  {message.images.map((id, index) => (
                    <AppImage
                      key={id}
                      url={`/app/support/attachments/${id}`}
                      alt={`Photo ${index + 1} of ${message.images.length} the shopper attached`}
                    />
                  ))}
                </InlineStack>
              )}
            </li>
          ))}
        </ol>
      </BlockStack>
    </Card>
  );
}
