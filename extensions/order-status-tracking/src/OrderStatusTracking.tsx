import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { APP_URL } from "./config";

/** The backend's answer (app/tracking/lookup.server.ts ShopperTracking). */
interface Tracking {
  orderName: string | null;
  shipments: {
    trackingNumber: string;
    carrierName: string | null;
    carrierUrl: string | null;
    tag: string;
    deliveredAt: string | null;
    estimate: { earliest: string | null; latest: string } | null;
    checkpoints: { at: string; message: string; location: string | null; tag: string }[];
  }[];
}

type State =
  | { kind: "loading" }
  | { kind: "ready"; tracking: Tracking }
  | { kind: "empty" }
  | { kind: "error" };

const STEP_OF_TAG: Record<string, number> = {
  InfoReceived: 0,
  InTransit: 1,
  Exception: 1,
  Expired: 1,
  OutForDelivery: 2,
  AvailableForPickup: 2,
  AttemptFail: 2,
  Delivered: 3,
};
const STEPS = 4;
const SHOWN_CHECKPOINTS = 3;

export default async () => {
  render(<OrderStatusTracking />, document.body);
};

function orderId(): string | null {
  return shopify.order.value?.id.split("/").pop() ?? null;
}

async function loadTracking(id: string): Promise<State> {
  const token = await shopify.sessionToken.get();
  const response = await fetch(`${APP_URL}/api/tracking/orders/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status === 404) return { kind: "empty" };
  if (!response.ok) return { kind: "error" };
  const tracking = (await response.json()) as Tracking;
  return tracking.shipments.length > 0 ? { kind: "ready", tracking } : { kind: "empty" };
}

function OrderStatusTracking() {
  const t = shopify.i18n.translate;
  const signedIn = shopify.authenticationState.value === "fully_authenticated";
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    const id = orderId();
    if (!signedIn || !id) return;
    loadTracking(id).then(setState, () => setState({ kind: "error" }));
  }, [signedIn]);

  if (!signedIn) {
    return (
      <s-section heading={t("heading")}>
        <s-button onClick={() => void shopify.requireLogin()}>{t("signIn")}</s-button>
      </s-section>
    );
  }
  if (state.kind === "loading") return <s-spinner accessibilityLabel={t("loading")} />;
  if (state.kind === "empty") return null;
  if (state.kind === "error") {
    return <s-banner tone="warning">{t("unavailable")}</s-banner>;
  }
  const { shipments } = state.tracking;
  return (
    <s-section heading={t("heading")}>
      <s-stack gap="large">
        {shipments.map((shipment, index) => (
          <Shipment
            key={shipment.trackingNumber}
            shipment={shipment}
            label={
              shipments.length > 1
                ? t("shipmentOf", { index: index + 1, count: shipments.length })
                : null
            }
          />
        ))}
      </s-stack>
    </s-section>
  );
}

function Shipment({
  shipment,
  label,
}: {
  shipment: Tracking["shipments"][number];
  label: string | null;
}) {
  const { translate: t, formatDate } = shopify.i18n;
  const day = (iso: string) =>
    formatDate(new Date(iso), { weekday: "long", month: "long", day: "numeric" });
  const step = STEP_OF_TAG[shipment.tag] ?? -1;
  return (
    <s-stack gap="small-200">
      {label ? <s-heading>{label}</s-heading> : null}
      <s-stack direction="inline" gap="small-200">
        <s-badge
          tone={
            shipment.tag === "Exception" || shipment.tag === "AttemptFail" ? "critical" : "auto"
          }
        >
          {t(`status.${shipment.tag}`)}
        </s-badge>
        <s-text color="subdued">
          {shipment.carrierName ? `${shipment.carrierName} · ` : ""}
          {shipment.trackingNumber}
        </s-text>
      </s-stack>
      <s-progress
        value={step + 1}
        max={STEPS}
        accessibilityLabel={t("progress", { step: Math.max(step + 1, 0), steps: STEPS })}
      />
      {shipment.deliveredAt ? (
        <s-text>{t("deliveredOn", { date: day(shipment.deliveredAt) })}</s-text>
      ) : shipment.estimate ? (
        <s-text>
          {t("estimate", {
            date:
              shipment.estimate.earliest &&
              day(shipment.estimate.earliest) !== day(shipment.estimate.latest)
                ? `${day(shipment.estimate.earliest)} – ${day(shipment.estimate.latest)}`
                : day(shipment.estimate.latest),
          })}
        </s-text>
      ) : null}
      {shipment.checkpoints.length > 0 ? (
        <s-ordered-list>
          {shipment.checkpoints.slice(0, SHOWN_CHECKPOINTS).map((checkpoint) => (
            <s-list-item key={checkpoint.at}>
              {checkpoint.message}
              {checkpoint.location ? ` · ${checkpoint.location}` : ""} ·{" "}
              {formatDate(new Date(checkpoint.at), {
                month: "short",
                day: "numeric",
                hour: "numeric",
                minute: "2-digit",
              })}
            </s-list-item>
          ))}
        </s-ordered-list>
      ) : (
        <s-text color="subdued">{t("noScans")}</s-text>
      )}
      {shipment.carrierUrl ? (
        <s-link href={shipment.carrierUrl} target="_blank">
          {t("viewOnCarrier")}
        </s-link>
      ) : null}
    </s-stack>
  );
}
