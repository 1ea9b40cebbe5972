import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Layout, Page } from "@shopify/polaris";
import { useState } from "react";
import { ConversationActionBanner } from "../components/ConversationActionBanner";
import { ConversationSidebar } from "../components/ConversationSidebar";
import { ConversationThread } from "../components/ConversationThread";
import { ReplyForm } from "../components/ReplyForm";
import { useLiveInbox } from "../components/useLiveInbox";
import { CONVERSATION_STATUS_LABELS, CONVERSATION_STATUS_TONES } from "../components/support";
import { BODY_LIMITS, readForm } from "../platform/http/body.server";
import { requireAdminShop } from "../shopify.server";
import { conversationDetail, runConversationAction } from "../support/index.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const conversation = await conversationDetail(shop, params.id ?? "");
  if (!conversation) throw new Response("Conversation not found", { status: 404 });
  return { conversation, now: new Date().toISOString() };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const form = await readForm(request, BODY_LIMITS.adminForm);
  return runConversationAction(shop, params.id ?? "", form);
};

export default function SupportConversation() {
  const { conversation, now } = useLoaderData<typeof loader>();
  useLiveInbox(conversation.id);
  const fetcher = useFetcher<typeof action>();
  const [body, setBody] = useState("");
  const busy = fetcher.state !== "idle";
  const send = (intent: "reply" | "note") => {
    fetcher.submit({ intent, body }, { method: "post" });
    setBody("");
  };

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
            <ConversationActionBanner result={fetcher.data} />
            <ConversationThread messages={conversation.messages} />
            <ReplyForm
              savedReplies={conversation.savedReplies}
              body={body}
              setBody={setBody}
              busy={busy}
              send={send}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <ConversationSidebar
            conversation={conversation}
            now={now}
            busy={busy}
            onSave={(change) => fetcher.submit({ intent: "update", ...change }, { method: "post" })}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
