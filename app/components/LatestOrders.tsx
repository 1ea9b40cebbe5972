import { Badge, BlockStack, Card, IndexTable, Link as PolarisLink, Text } from "@shopify/polaris";
import { formatDateTime, formatMinor } from "./format";
import { useShop } from "./ShopContext";

interface LatestOrder {
  id: string;
  name: string;
  email: string | null;
  customerId: string | null;
  totalPrice: number;
  currency: string;
  processedAt: Date | string;
  financialStatus: string | null;
}

/** The shop's latest orders, each customer linked to their page. */
export function LatestOrders({ orders, title }: { orders: LatestOrder[]; title: string }) {
  const shop = useShop();
  return (
    <Card padding="0">
      <BlockStack>
        <div style={{ padding: "16px 16px 8px" }}>
          <Text as="h2" variant="headingMd">
            {title}
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
              <IndexTable.Cell>
                {order.customerId ? (
                  <PolarisLink url={`/app/customers/${order.customerId}`}>
                    {order.email ?? "—"}
                  </PolarisLink>
                ) : (
                  (order.email ?? "—")
                )}
              </IndexTable.Cell>
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
  );
}
