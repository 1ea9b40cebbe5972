import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  Layout,
  Link as PolarisLink,
  Page,
  Text,
} from "@shopify/polaris";
import { useShop } from "../components/ShopContext";
import { formatCount, formatDateTime, formatMinor } from "../components/format";
import { orderStats, recentOrders } from "../orders/orders.server";
import { jobs } from "../platform/jobs/queue.server";
import { requireAdminShop } from "../shopify.server";
import { deliveryPerformance } from "../tracking/queries.server";
import { countByStatus } from "../webhooks/inbox.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireAdminShop(request);
  const [stats, orders, inbox, queues, delivery] = await Promise.all([
    orderStats(shop),
    recentOrders(shop, 10),
    countByStatus(shop),
    jobs.counts(),
    deliveryPerformance(shop),
  ]);
  const backlog = queues.reduce((sum, queue) => sum + queue.ready + queue.active, 0);
  return { stats, orders, inbox, backlog, delivery };
};

export default function Home() {
  const { stats, orders, inbox, backlog, delivery } = useLoaderData<typeof loader>();
  const shop = useShop();
  const needsAttention = inbox.parked;

  return (
    <Page title={`Aftercare for ${shop.name}`}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Metric label="Orders" value={formatCount(stats.orders)} />
            <Metric label="Customers" value={formatCount(stats.customers)} />
            <Metric label="Revenue" value={formatMinor(stats.revenue, shop.currency)} />
            <Metric
              label="Webhooks needing attention"
              value={formatCount(needsAttention)}
              tone={needsAttention ? "critical" : undefined}
              href={needsAttention ? "/app/operations?status=parked" : undefined}
            />
          </InlineGrid>
        </Layout.Section>

        <Layout.Section>
          {orders.length === 0 ? (
            <Card>
              <EmptyState heading="Waiting for your first order" image="">
                <p>
                  Orders appear here as soon as Shopify sends them. Place a test order in your
                  store, or check <PolarisLink url="/app/operations">Operations</PolarisLink> to see
                  the webhooks Aftercare has received.
                </p>
              </EmptyState>
            </Card>
          ) : (
            <Card padding="0">
              <BlockStack>
                <div style={{ padding: "16px 16px 8px" }}>
                  <Text as="h2" variant="headingMd">
                    Latest orders
                  </Text>
                </div>
                <IndexTable
                  resourceName={{ singular: "order", plural: "orders" }}
                  itemCount={orders.length}
                  selectable={false}
                  headings={[
                    { title: "Order" },
                    { title: "Date" },
                    { title: "Customer" },
                    { title: "Payment" },
                    { title: "Total", alignment: "end" },
                  ]}
                >
                  {orders.map((order, index) => (
                    <IndexTable.Row id={order.id} key={order.id} position={index}>
                      <IndexTable.Cell>
                        <Text as="span" fontWeight="semibold">
                          {order.name}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {formatDateTime(order.processedAt, shop.timezone, shop.locale)}
                      </IndexTable.Cell>
                      <IndexTable.Cell>{order.email ?? "—"}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge>{order.financialStatus ?? "unknown"}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end" numeric>
                          {formatMinor(order.totalPrice, order.currency, shop.locale)}
                        </Text>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              </BlockStack>
            </Card>
          )}
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Delivery performance
                </Text>
                {delivery.delivered === 0 && delivery.inTransit === 0 ? (
                  <Text as="p" tone="subdued">
                    Fulfill an order with a tracking number and its journey shows up here.
                  </Text>
                ) : (
                  <>
                    <Text as="p">
                      {formatCount(delivery.delivered, shop.locale)} delivered in the last{" "}
                      {delivery.days} days
                      {delivery.onTimeRate !== null
                        ? `, ${Math.round(delivery.onTimeRate * 100)}% by the estimate shown`
                        : ""}
                      .
                    </Text>
                    {delivery.medianTransitDays !== null && (
                      <Text as="p" tone="subdued">
                        Fulfillment to delivery: median {delivery.medianTransitDays.toFixed(1)}{" "}
                        days, p90 {delivery.p90TransitDays?.toFixed(1)} days;{" "}
                        {formatCount(delivery.inTransit, shop.locale)} on the way now.
                      </Text>
                    )}
                    <PolarisLink url="/app/shipments?attention=any">
                      {formatCount(delivery.attention, shop.locale)} shipments need attention
                    </PolarisLink>
                  </>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Sync health
                </Text>
                <Text as="p">
                  {formatCount(inbox.processed)} webhooks processed,{" "}
                  {formatCount(inbox.received + inbox.processing + inbox.retrying)} in progress,{" "}
                  {formatCount(inbox.parked)} parked.
                </Text>
                <Text as="p" tone="subdued">
                  {backlog
                    ? `${formatCount(backlog)} background jobs waiting.`
                    : "Background jobs are up to date."}
                </Text>
                <PolarisLink url="/app/operations">Open operations</PolarisLink>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Metric({
  label,
  value,
  tone,
  href,
}: {
  label: string;
  value: string;
  tone?: "critical";
  href?: string;
}) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="bodyMd" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingLg" tone={tone}>
          {href ? <PolarisLink url={href}>{value}</PolarisLink> : value}
        </Text>
      </BlockStack>
    </Card>
  );
}
