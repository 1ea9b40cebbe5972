import { useFetcher } from "@remix-run/react";
import { Banner, Modal, TextField, useIndexResourceState } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { BulkAnswer } from "../returns/admin-actions.server";
import { negotiateLocale } from "../platform/i18n";
import { returnsQueueMessages } from "../returns/queue-messages";
import { formatCount } from "./format";
import { useShop } from "./ShopContext";

/**
 * The queue's selection and its bulk approve or decline, posted to the queue's own action. A
 * finished bulk clears the selection and the decline reason so the next one starts fresh.
 */
export function useReturnsBulk(rows: { id: string }[]) {
  const fetcher = useFetcher<BulkAnswer>();
  const selection = useIndexResourceState(rows);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const { clearSelection } = selection;
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      clearSelection();
      setDeclining(false);
      setReason("");
    }
  }, [fetcher.state, fetcher.data, clearSelection]);

  const submit = (intent: "approve" | "decline") => {
    const form = new FormData();
    form.set("intent", intent);
    form.set("reason", reason);
    for (const id of selection.selectedResources) form.append("ids", id);
    fetcher.submit(form, { method: "post" });
  };
  return { fetcher, selection, declining, setDeclining, reason, setReason, submit };
}
export type ReturnsBulk = ReturnType<typeof useReturnsBulk>;

/** What the last bulk did: how many returns changed, and each one refused with its reason. */
export function ReturnsBulkBanner({
  bulk,
  orderOf,
}: {
  bulk: ReturnsBulk;
  orderOf: (id: string) => string;
}) {
  const shop = useShop();
  const t = returnsQueueMessages(negotiateLocale([shop.locale]));
  const { data, state } = bulk.fetcher;
  if (!data || state !== "idle") return null;
  return (
    <div style={{ marginBottom: 16 }}>
      {!data.ok ? (
        <Banner tone="critical" title={data.error} />
      ) : (
        <Banner
          tone={data.refused.length ? "warning" : "success"}
          title={t("updated", { n: formatCount(data.done, shop.locale) })}
        >
          {data.refused.length > 0 && (
            <ul>
              {data.refused.map((entry) => (
                <li key={entry.id}>
                  {orderOf(entry.id)}: {entry.message}
                </li>
              ))}
            </ul>
          )}
        </Banner>
      )}
    </div>
  );
}

/** Asks for the reason the customer will read before declining the selected returns. */
export function DeclineReturnsModal({ bulk }: { bulk: ReturnsBulk }) {
  const shop = useShop();
  const t = returnsQueueMessages(negotiateLocale([shop.locale]));
  return (
    <Modal
      open={bulk.declining}
      onClose={() => bulk.setDeclining(false)}
      title={t("declineTitle", {
        n: formatCount(bulk.selection.selectedResources.length, shop.locale),
      })}
      primaryAction={{
        content: t("decline"),
        destructive: true,
        loading: bulk.fetcher.state !== "idle",
        disabled: !bulk.reason.trim(),
        onAction: () => bulk.submit("decline"),
      }}
      secondaryActions={[{ content: t("cancel"), onAction: () => bulk.setDeclining(false) }]}
    >
      <Modal.Section>
        <TextField
          label={t("declineReason")}
          value={bulk.reason}
          onChange={bulk.setReason}
          multiline={3}
          autoComplete="off"
          helpText={t("declineHelp")}
        />
      </Modal.Section>
    </Modal>
  );
}
