import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { APP_URL } from "./config";

/** The backend's answer (app/returns/shopper/customer-account.server.ts). */
interface Options {
  order: { name: string; currency: string };
  portalUrl: string;
  lines: {
    lineItemId: string;
    title: string;
    variantTitle: string | null;
    returnableQuantity: number;
    eligible: boolean;
    explanations: string[];
    options: { resolution: string; amount: number; bonus: number; fee: number }[];
    exchangeVariants: { variantId: string; title: string; price: number }[];
  }[];
}

interface Choice {
  quantity: number;
  reason: string;
  resolution: string;
  variantId: string;
}

type State =
  | { kind: "loading" }
  | { kind: "ready"; options: Options }
  | { kind: "done"; statusUrl: string }
  | { kind: "error" };

/** Shopify's standard return reason handles, as the storefront portal offers them. */
const REASONS = [
  "size-too-small",
  "size-too-large",
  "not-as-described",
  "wrong-item",
  "damaged",
  "defective",
  "quality",
  "color",
  "style",
  "arrived-late",
  "unwanted",
  "other",
];

export default async () => {
  render(<ReturnAction />, document.body);
};

const orderId = () => shopify.orderId.split("/").pop() ?? "";
const language = () => shopify.localization.language.value.isoCode;

async function call(method: "GET" | "POST", body?: unknown) {
  const token = await shopify.sessionToken.get();
  return fetch(
    `${APP_URL}/api/returns/orders/${orderId()}?locale=${encodeURIComponent(language())}`,
    {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
  );
}

function ReturnAction() {
  const t = shopify.i18n.translate;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [idempotencyKey] = useState(() => `ca-${orderId()}-${Date.now()}-${Math.random()}`);

  useEffect(() => {
    call("GET")
      .then(async (response) =>
        response.ok
          ? setState({ kind: "ready", options: (await response.json()) as Options })
          : setState({ kind: "error" }),
      )
      .catch(() => setState({ kind: "error" }));
  }, []);

  const money = (minor: number, currency: string) => {
    // Amounts come in minor units: cents, or whole yen.
    const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits;
    return shopify.i18n.formatCurrency(minor / 10 ** (digits ?? 2), { currency });
  };

  async function submit(options: Options) {
    const lines = Object.entries(choices).map(([lineItemId, choice]) => ({
      lineItemId,
      quantity: choice.quantity,
      reason: choice.reason,
      resolution: choice.resolution,
      exchangeVariantId: choice.resolution === "exchange" ? choice.variantId : undefined,
    }));
    if (lines.length === 0) return setErrors([t("chooseItem")]);
    if (lines.some((line) => !line.reason)) return setErrors([t("chooseReason")]);
    setSending(true);
    try {
      const response = await call("POST", { idempotencyKey, locale: language(), lines });
      const answer = (await response.json()) as {
        statusUrl?: string;
        errors?: { lineItemId: string | null; message: string }[];
      };
      if (response.ok && answer.statusUrl) {
        setState({ kind: "done", statusUrl: answer.statusUrl });
      } else {
        setErrors(
          (answer.errors ?? [{ lineItemId: null, message: t("failed") }]).map((error) => {
            const line = options.lines.find((entry) => entry.lineItemId === error.lineItemId);
            return line ? `${line.title}: ${error.message}` : error.message;
          }),
        );
      }
    } catch {
      setErrors([t("failed")]);
    } finally {
      setSending(false);
    }
  }

  const heading = t("heading");
  if (state.kind === "loading") {
    return (
      <s-customer-account-action heading={heading}>
        <s-spinner accessibilityLabel={t("loading")} />
      </s-customer-account-action>
    );
  }
  if (state.kind === "error") {
    return (
      <s-customer-account-action heading={heading}>
        <s-banner tone="warning">{t("unavailable")}</s-banner>
      </s-customer-account-action>
    );
  }
  if (state.kind === "done") {
    return (
      <s-customer-account-action heading={heading}>
        <s-stack gap="base">
          <s-banner tone="success">{t("requested")}</s-banner>
          <s-link href={state.statusUrl}>{t("follow")}</s-link>
        </s-stack>
        <s-button slot="primary-action" onClick={() => shopify.close()}>
          {t("close")}
        </s-button>
      </s-customer-account-action>
    );
  }

  const { options } = state;
  const eligible = options.lines.filter((line) => line.eligible);
  const update = (lineItemId: string, change: Partial<Choice> | null) =>
    setChoices((current) => {
      const next = { ...current };
      const line = options.lines.find((entry) => entry.lineItemId === lineItemId);
      if (change === null) delete next[lineItemId];
      else
        next[lineItemId] = {
          quantity: 1,
          reason: "",
          resolution: line?.options[0]?.resolution ?? "refund",
          variantId: line?.exchangeVariants[0]?.variantId ?? "",
          ...current[lineItemId],
          ...change,
        };
      return next;
    });

  return (
    <s-customer-account-action heading={heading}>
      <s-stack gap="base">
        {errors.length > 0 ? (
          <s-banner tone="critical">
            <s-stack gap="small-200">
              {errors.map((error) => (
                <s-text key={error}>{error}</s-text>
              ))}
              <s-link href={options.portalUrl}>{t("portal")}</s-link>
            </s-stack>
          </s-banner>
        ) : null}
        {eligible.length === 0 ? <s-text>{t("nothingReturnable")}</s-text> : null}
        {eligible.map((line) => {
          const choice = choices[line.lineItemId];
          const title = line.variantTitle ? `${line.title} – ${line.variantTitle}` : line.title;
          return (
            <s-stack key={line.lineItemId} gap="small-200">
              <s-checkbox
                label={title}
                checked={Boolean(choice)}
                onChange={() => update(line.lineItemId, choice ? null : {})}
              />
              {choice ? (
                <s-stack gap="small-200">
                  {line.returnableQuantity > 1 ? (
                    <s-select
                      label={t("quantity")}
                      value={String(choice.quantity)}
                      onChange={(event: Event) =>
                        update(line.lineItemId, {
                          quantity: Number((event.currentTarget as HTMLSelectElement).value),
                        })
                      }
                    >
                      {Array.from({ length: line.returnableQuantity }, (_, index) => (
                        <s-option key={index} value={String(index + 1)}>
                          {String(index + 1)}
                        </s-option>
                      ))}
                    </s-select>
                  ) : null}
                  <s-select
                    label={t("reason")}
                    value={choice.reason}
                    placeholder={t("chooseReason")}
                    onChange={(event: Event) =>
                      update(line.lineItemId, {
                        reason: (event.currentTarget as HTMLSelectElement).value,
                      })
                    }
                  >
                    {REASONS.map((reason) => (
                      <s-option key={reason} value={reason}>
                        {t(`reasons.${reason}`)}
                      </s-option>
                    ))}
                  </s-select>
                  <s-select
                    label={t("resolution")}
                    value={choice.resolution}
                    onChange={(event: Event) =>
                      update(line.lineItemId, {
                        resolution: (event.currentTarget as HTMLSelectElement).value,
                      })
                    }
                  >
                    {line.options
                      .filter(
                        (option) =>
                          option.resolution !== "exchange" || line.exchangeVariants.length > 0,
                      )
                      .map((option) => (
                        <s-option key={option.resolution} value={option.resolution}>
                          {t(`resolutions.${option.resolution}`, {
                            amount: money(option.amount, options.order.currency),
                          })}
                        </s-option>
                      ))}
                  </s-select>
                  {choice.resolution === "exchange" ? (
                    <s-select
                      label={t("exchangeFor")}
                      value={choice.variantId}
                      onChange={(event: Event) =>
                        update(line.lineItemId, {
                          variantId: (event.currentTarget as HTMLSelectElement).value,
                        })
                      }
                    >
                      {line.exchangeVariants.map((variant) => (
                        <s-option key={variant.variantId} value={variant.variantId}>
                          {variant.title}
                        </s-option>
                      ))}
                    </s-select>
                  ) : null}
                </s-stack>
              ) : null}
            </s-stack>
          );
        })}
      </s-stack>
      <s-button
        slot="primary-action"
        loading={sending}
        disabled={eligible.length === 0}
        onClick={() => void submit(options)}
      >
        {t("submit")}
      </s-button>
      <s-button slot="secondary-actions" onClick={() => shopify.close()}>
        {t("cancel")}
      </s-button>
    </s-customer-account-action>
  );
}
