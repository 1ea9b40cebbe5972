import { Form } from "@remix-run/react";
import { Badge, Button, Text } from "@shopify/polaris";
import type { DestinationMessageKey } from "../destinations/messages";

type T = (key: DestinationMessageKey, values?: Record<string, string | number>) => string;

export interface DeliveryRow {
  id: string;
  eventType: string;
  isTest: boolean;
  destinationKind: string;
  destinationUrl: string | null;
  status: string;
  error: string | null;
  responseStatus: number | null;
  responseBody: string | null;
  attempts: number;
  createdAt: Date | string;
  nextAttemptAt: Date | string | null;
}

const STATUS = {
  pending: { tone: "attention", label: "statusPending" },
  succeeded: { tone: "success", label: "statusSucceeded" },
  failed: { tone: "critical", label: "statusFailed" },
  skipped: { tone: undefined, label: "statusSkipped" },
} as const;

const COLUMNS = [
  "colEvent",
  "colDestination",
  "colStatus",
  "colResponse",
  "colAttempts",
  "colTime",
  "colNext",
] as const;

/** Deliveries with status, response code, the first 1 KB of the answer, and a replay button. */
export function DeliveriesTable({
  deliveries,
  t,
  when,
}: {
  deliveries: DeliveryRow[];
  t: T;
  when: (value: Date | string | null) => string;
}) {
  if (!deliveries.length) {
    return (
      <Text as="p" tone="subdued">
        {t("deliveriesEmpty")}
      </Text>
    );
  }
  return (
    <table style={{ width: "100%", borderCollapse: "collapse" }}>
      <thead>
        <tr style={{ textAlign: "left" }}>
          {COLUMNS.map((key) => (
            <th key={key} scope="col">
              {t(key)}
            </th>
          ))}
          <th scope="col">{t("replay")}</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((delivery) => {
          const status = STATUS[delivery.status as keyof typeof STATUS] ?? STATUS.pending;
          return (
            <tr key={delivery.id} style={{ borderTop: "1px solid #e3e3e3", verticalAlign: "top" }}>
              <td>
                <code>{delivery.eventType}</code> {delivery.isTest && <Badge>{t("test")}</Badge>}
              </td>
              <td>
                {delivery.destinationKind === "klaviyo"
                  ? t("klaviyo")
                  : delivery.destinationKind === "shopify_flow"
                    ? t("shopifyFlow")
                    : delivery.destinationUrl}
              </td>
              <td>
                <Badge tone={status.tone}>{t(status.label)}</Badge>
                {delivery.error && (
                  <Text as="p" tone="subdued">
                    {delivery.error}
                  </Text>
                )}
              </td>
              <td>
                {delivery.responseStatus ?? "—"}
                {delivery.responseBody && (
                  <details>
                    <summary>{t("responseBody")}</summary>
                    <pre style={{ whiteSpace: "pre-wrap", maxWidth: "24rem" }}>
                      {delivery.responseBody}
                    </pre>
                  </details>
                )}
              </td>
              <td>{delivery.attempts}</td>
              <td>{when(delivery.createdAt)}</td>
              <td>{delivery.status === "pending" ? when(delivery.nextAttemptAt) : "—"}</td>
              <td>
                <Form method="post">
                  <input type="hidden" name="intent" value="replay" />
                  <input type="hidden" name="deliveryId" value={delivery.id} />
                  <Button
                    submit
                    size="slim"
                    accessibilityLabel={`${t("replay")} ${delivery.eventType}`}
                  >
                    {t("replay")}
                  </Button>
                </Form>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
