import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Page, Select, Text } from "@shopify/polaris";
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { useLiveInbox } from "../components/useLiveInbox";
import { CONVERSATION_STATUS_LABELS, CONVERSATION_STATUS_TONES } from "../components/support";
import { requireAdminShop } from "../shopify.server";
import { CONVERSATION_STATUSES } from "../support/statuses";
import { listConversations, parseInboxFilter } from "../support/index.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const filter = parseInboxFilter(new URL(request.url).searchParams);
  return { filter, ...(await listConversations(shop, filter)) };
};

export default function SupportInbox() {
  const { filter, conversations, assignees } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const shop = useShop();
  useLiveInbox();
  const [searchParams, setSearchParams] = useSearchParams();
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next);
  };
  const filtered = Boolean(filter.status || filter.assignee);

  return (
    <Page
      title="Support inbox"
      subtitle="Shoppers who asked the help center's assistant for a person"
      secondaryActions={[
        { content: "Saved replies", url: "/app/support/replies" },
        { content: "Chat settings", url: "/app/support/chat" },
      ]}
    >
      <Card padding="0">
        <div style={{ padding: 12, display: "flex", gap: 12 }}>
          <Select
            label="Status"
            options={[
              { label: "All statuses", value: "" },
              ...CONVERSATION_STATUSES.map((status) => ({
                label: CONVERSATION_STATUS_LABELS[status],
                value: status,
              })),
            ]}
            value={filter.status ?? ""}
            onChange={(value) => update("status", value)}
          />
          <Select
            label="Assignee"
            options={[
              { label: "Anyone", value: "" },
              ...assignees.map((name) => ({ label: name, value: name })),
            ]}
            value={filter.assignee ?? ""}
            onChange={(value) => update("assignee", value)}
          />
        </div>
        {conversations.length === 0 ? (
          filtered ? (
            <EmptyState heading="No conversations match" image="">
              <p>Choose another status or assignee, or show all conversations.</p>
            </EmptyState>
          ) : (
            <EmptyState
              heading="No conversations yet"
              image=""
              action={{ content: "Open the help center", url: "/app/support/articles" }}
              secondaryAction={{ content: "Write saved replies", url: "/app/support/replies" }}
            >
              <p>
                When a shopper asks the assistant on your help center for a person, their message
                lands here with their order, parcels, returns, points and last NPS answer. Add the
                help center to your theme so shoppers find it.
              </p>
            </EmptyState>
          )
        ) : (
          <IndexTable
            resourceName={{ singular: "conversation", plural: "conversations" }}
            itemCount={conversations.length}
            selectable={false}
            headings={[
              { title: "Order" },
              { title: "Shopper" },
              { title: "Latest message" },
              { title: "Status" },
              { title: "Assignee" },
              { title: "Last activity" },
            ]}
          >
            {conversations.map((conversation, index) => (
              <IndexTable.Row
                id={conversation.id}
                key={conversation.id}
                position={index}
                onClick={() => navigate(`/app/support/inbox/${conversation.id}`)}
              >
                <IndexTable.Cell>
                  <Text as="span" fontWeight="semibold">
                    {conversation.orderName}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{conversation.email}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" tone={conversation.waiting ? undefined : "subdued"}>
                    {conversation.preview}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={CONVERSATION_STATUS_TONES[conversation.status]}>
                    {CONVERSATION_STATUS_LABELS[conversation.status]}
                  </Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{conversation.assignee ?? "Unassigned"}</IndexTable.Cell>
                <IndexTable.Cell>
                  {formatDateTime(conversation.lastMessageAt, shop.timezone, shop.locale)}
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
