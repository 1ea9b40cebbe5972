import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { formatDateTime } from "../components/format";
import { useShop } from "../components/ShopContext";
import { requireAdminShop } from "../shopify.server";
import { getDelivery } from "../webhooks/inbox.server";
import { replayDelivery } from "../webhooks/jobs.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const delivery = await getDelivery(shop, params.id ?? "");
  if (!delivery) throw new Response("Not found", { status: 404 });
  let payload = delivery.payload;
  try {
    if (payload !== null) payload = JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    // shown as received
  }
  return { delivery: { ...delivery, payload } };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const ok = await replayDelivery(shop, params.id ?? "");
  return Response.json({ ok }, { status: ok ? 200 : 409 });
};

export default function DeliveryDetail() {
  const { delivery } = useLoaderData<typeof loader>();
  const shop = useShop();
  const fetcher = useFetcher<{ ok: boolean }>();
  return (
    <Page
      title={delivery.topic}
      subtitle={`Webhook ${delivery.webhookId}`}
      backAction={{ content: "Operations", url: "/app/operations" }}
      titleMetadata={
        <Badge tone={delivery.status === "parked" ? "critical" : undefined}>
          {delivery.status}
        </Badge>
      }
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {delivery.lastError && (
              <Banner
                tone={delivery.status === "parked" ? "critical" : "warning"}
                title="Last error"
              >
                <p>{delivery.lastError}</p>
              </Banner>
            )}
            {fetcher.data?.ok && <Banner tone="success" title="Queued for another run" />}
            <Card>
              <BlockStack gap="200">
                <InlineStack align="space-between">
                  <Text as="h2" variant="headingMd">
                    Payload
                  </Text>
                  {delivery.status === "parked" && (
                    <fetcher.Form method="post">
                      <Button submit variant="primary" loading={fetcher.state !== "idle"}>
                        Replay
                      </Button>
                    </fetcher.Form>
                  )}
                </InlineStack>
                {delivery.payload === null ? (
                  <Text as="p" tone="subdued">
                    Not kept: the shop had uninstalled Aftercare when this arrived.
                  </Text>
                ) : (
                  <Box
                    background="bg-surface-secondary"
                    padding="300"
                    borderRadius="200"
                    overflowX="scroll"
                  >
                    <pre style={{ margin: 0, fontSize: 12 }}>{delivery.payload}</pre>
                  </Box>
                )}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="100">
              <Text as="p">
                Received {formatDateTime(delivery.receivedAt, shop.timezone, shop.locale)}
              </Text>
              <Text as="p">
                Triggered {formatDateTime(delivery.triggeredAt, shop.timezone, shop.locale)}
              </Text>
              <Text as="p">
                Processed {formatDateTime(delivery.processedAt, shop.timezone, shop.locale)}
              </Text>
              <Text as="p">Attempts: {delivery.attempts}</Text>
              <Text as="p">API version: {delivery.apiVersion ?? "—"}</Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
