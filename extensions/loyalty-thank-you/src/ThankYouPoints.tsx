import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { APP_URL } from "./config";

/** The backend's answer (app/loyalty/queries.server.ts OrderPoints). */
type OrderPoints =
  | { state: "pending" | "confirmed"; points: number; confirmAfter: string | null }
  | { state: "estimated"; points: number; returnWindowDays: number }
  | { state: "none" };

export default async () => {
  render(<ThankYouPoints />, document.body);
};

async function loadPoints(): Promise<OrderPoints> {
  const token = await shopify.sessionToken.get();
  const subtotal = shopify.cost.subtotalAmount.value;
  const params = new URLSearchParams({
    orderId: shopify.orderConfirmation.value.order.id,
    subtotal: String(subtotal.amount),
    currency: subtotal.currencyCode,
  });
  const response = await fetch(`${APP_URL}/api/loyalty/order-points?${params}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) return { state: "none" };
  return (await response.json()) as OrderPoints;
}

function ThankYouPoints() {
  const { translate: t, formatNumber, formatDate } = shopify.i18n;
  const [points, setPoints] = useState<OrderPoints | null>(null);
  useEffect(() => {
    loadPoints().then(setPoints, () => setPoints({ state: "none" }));
  }, []);
  if (!points || points.state === "none" || points.points <= 0) return null;
  const count = formatNumber(points.points);
  return (
    <s-banner
      tone="success"
      heading={t(points.state === "estimated" ? "earning" : "earned", { points: count })}
    >
      <s-text>
        {points.state === "confirmed"
          ? t("confirmed")
          : points.state === "pending" && points.confirmAfter
            ? t("pendingUntil", {
                date: formatDate(new Date(points.confirmAfter), { month: "long", day: "numeric" }),
              })
            : t("pending")}
      </s-text>
    </s-banner>
  );
}
