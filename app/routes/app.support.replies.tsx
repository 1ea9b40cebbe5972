import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  InlineStack,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import { deleteSavedReply, listSavedReplies, saveReply } from "../support/index.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  return { replies: await listSavedReplies(shop) };
};

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), title: z.string(), body: z.string() }),
  z.object({ intent: z.literal("delete"), id: z.string() }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const parsed = ActionSchema.safeParse(
    Object.fromEntries(await readForm(request, BODY_LIMITS.adminForm)),
  );
  if (!parsed.success) return { ok: false, error: "invalid" } as const;
  if (parsed.data.intent === "delete") {
    await deleteSavedReply(shop, parsed.data.id);
    return { ok: true } as const;
  }
  return saveReply(shop, parsed.data);
};

const ERRORS: Record<string, string> = {
  missingTitle: "Give the reply a title.",
  duplicateTitle: "Another saved reply has this title.",
  empty: "Write the reply's text.",
  invalidText: "The text holds control characters; paste it as plain text.",
  tooLong: "Keep the reply under 5,000 characters.",
  invalid: "Something in the form was not understood; reload the page.",
};

export default function SavedReplies() {
  const { replies } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const result = fetcher.data;

  return (
    <Page
      title="Saved replies"
      subtitle="Answers you give often, filled in for each order when you send them"
      backAction={{ content: "Inbox", url: "/app/support/inbox" }}
    >
      <BlockStack gap="400">
        {result && !result.ok && (
          <Banner tone="critical">
            <p>
              {"missing" in result && result.missing
                ? `Unknown variables: ${result.missing.map((name) => `{{${name}}}`).join(", ")}. Use {{tracking_url}}, {{return_link}} or {{order_name}}.`
                : (ERRORS[result.error] ?? result.error)}
            </p>
          </Banner>
        )}
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              New saved reply
            </Text>
            <TextField label="Title" autoComplete="off" value={title} onChange={setTitle} />
            <TextField
              label="Text"
              multiline={5}
              autoComplete="off"
              value={body}
              onChange={setBody}
              maxLength={5000}
              helpText="{{tracking_url}} becomes the order's tracking page, {{return_link}} its returns portal, {{order_name}} its number."
            />
            <InlineStack>
              <Button
                variant="primary"
                loading={fetcher.state !== "idle"}
                onClick={() => fetcher.submit({ intent: "save", title, body }, { method: "post" })}
              >
                Save reply
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
        <Card>
          {replies.length === 0 ? (
            <EmptyState heading="No saved replies yet" image="">
              <p>
                Write the answers you give most (where a parcel is, how to return) once above, then
                pick them when you answer a conversation.
              </p>
            </EmptyState>
          ) : (
            <BlockStack gap="400">
              {replies.map((reply) => (
                <BlockStack gap="100" key={reply.id}>
                  <InlineStack align="space-between">
                    <Text as="h3" variant="headingSm">
                      {reply.title}
                    </Text>
                    <Button
                      variant="plain"
                      tone="critical"
                      accessibilityLabel={`Delete ${reply.title}`}
                      onClick={() =>
                        fetcher.submit({ intent: "delete", id: reply.id }, { method: "post" })
                      }
                    >
                      Delete
                    </Button>
                  </InlineStack>
                  <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{reply.body}</p>
                </BlockStack>
              ))}
            </BlockStack>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
