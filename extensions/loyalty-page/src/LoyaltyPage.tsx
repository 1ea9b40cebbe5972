import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { APP_URL } from "./config";

/** The backend's answer (app/routes/api.loyalty.tsx). */
interface Loyalty {
  balance: number;
  pending: number;
  negative: boolean;
  currency: string;
  tier: string | null;
  next: { tier: string; remaining: number } | null;
  tierBasis: "points" | "spend";
  referral: { code: string; url: string; friendPercent: number; bonus: number } | null;
  birthday: string | null;
  history: {
    id: string;
    at: string;
    source: string;
    kind: string;
    points: number;
    pendingPoints: number;
    note: string | null;
  }[];
  rewards: {
    id: string;
    name: string;
    kind: "fixed" | "percentage" | "store_credit";
    points: number;
    value: number;
    minimumOrder: number;
    affordable: boolean;
  }[];
  codes: { code: string | null; kind: string; value: number; at: string }[];
}

type State = { kind: "loading" } | { kind: "ready"; loyalty: Loyalty } | { kind: "error" };
type Redeeming =
  | { kind: "idle" }
  | { kind: "busy"; rewardId: string }
  | { kind: "done"; code: string | null }
  | { kind: "failed"; reason: string };

export default async () => {
  render(<LoyaltyPage />, document.body);
};

async function call(path: string, init: RequestInit = {}) {
  const token = await shopify.sessionToken.get();
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return fetch(`${APP_URL}${path}`, { ...init, headers });
}

async function loadLoyalty(): Promise<State> {
  const response = await call("/api/loyalty");
  if (!response.ok) return { kind: "error" };
  return { kind: "ready", loyalty: (await response.json()) as Loyalty };
}

function LoyaltyPage() {
  const { translate: t, formatNumber } = shopify.i18n;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [redeeming, setRedeeming] = useState<Redeeming>({ kind: "idle" });
  const [birthday, setBirthday] = useState("");
  const [birthdayRefused, setBirthdayRefused] = useState(false);
  const reload = () => loadLoyalty().then(setState, () => setState({ kind: "error" }));
  useEffect(() => {
    void reload();
  }, []);

  const redeem = async (rewardId: string) => {
    setRedeeming({ kind: "busy", rewardId });
    try {
      const response = await call("/api/loyalty", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ rewardId, requestKey: crypto.randomUUID() }),
      });
      const body = (await response.json()) as { code?: string | null; error?: string };
      setRedeeming(
        response.ok
          ? { kind: "done", code: body.code ?? null }
          : { kind: "failed", reason: body.error ?? "error" },
      );
    } catch {
      setRedeeming({ kind: "failed", reason: "error" });
    }
    await reload();
  };

  const saveBirthday = async () => {
    const response = await call("/api/loyalty", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ birthday: birthday.trim() }),
    }).catch(() => null);
    setBirthdayRefused(!response?.ok);
    if (response?.ok) await reload();
  };

  if (state.kind === "loading") {
    return (
      <s-page heading={t("heading")}>
        <s-spinner accessibilityLabel={t("loading")} />
      </s-page>
    );
  }
  if (state.kind === "error") {
    return (
      <s-page heading={t("heading")}>
        <s-banner tone="warning">{t("unavailable")}</s-banner>
      </s-page>
    );
  }
  const { loyalty } = state;
  const points = (value: number) => t("points", { count: value, points: formatNumber(value) });
  const rewardValue = (reward: Loyalty["rewards"][number]) =>
    reward.kind === "percentage"
      ? t("percentOff", { percent: reward.value })
      : t(reward.kind === "store_credit" ? "storeCredit" : "amountOff", {
          amount: formatNumber(reward.value / 100, {
            style: "currency",
            currency: loyalty.currency,
          }),
        });

  return (
    <s-page heading={t("heading")}>
      <s-stack gap="large">
        <s-section heading={t("balanceHeading")}>
          <s-stack gap="small">
            <s-heading>{points(loyalty.balance)}</s-heading>
            {loyalty.pending > 0 ? (
              <s-text color="subdued">
                {t("pending", { points: formatNumber(loyalty.pending) })}
              </s-text>
            ) : null}
            {loyalty.negative ? <s-banner tone="warning">{t("negative")}</s-banner> : null}
            {loyalty.tier ? <s-badge>{t("tier", { tier: loyalty.tier })}</s-badge> : null}
            {loyalty.next ? (
              <s-text color="subdued">
                {t(loyalty.tierBasis === "spend" ? "nextTierSpend" : "nextTierPoints", {
                  tier: loyalty.next.tier,
                  remaining:
                    loyalty.tierBasis === "spend"
                      ? formatNumber(loyalty.next.remaining / 100, {
                          style: "currency",
                          currency: loyalty.currency,
                        })
                      : formatNumber(loyalty.next.remaining),
                })}
              </s-text>
            ) : null}
          </s-stack>
        </s-section>

        <s-section heading={t("rewardsHeading")}>
          <s-stack gap="base">
            {redeeming.kind === "done" ? (
              <s-banner tone="success">
                {redeeming.code ? t("redeemed", { code: redeeming.code }) : t("creditIssued")}
              </s-banner>
            ) : null}
            {redeeming.kind === "failed" ? (
              <s-banner tone="critical">{t(`redeemFailed.${redeeming.reason}`)}</s-banner>
            ) : null}
            {loyalty.rewards.map((reward) => (
              <s-stack key={reward.id} direction="inline" gap="base" alignItems="center">
                <s-text>
                  {rewardValue(reward)} · {points(reward.points)}
                </s-text>
                <s-button
                  disabled={!reward.affordable || redeeming.kind === "busy"}
                  loading={redeeming.kind === "busy" && redeeming.rewardId === reward.id}
                  accessibilityLabel={t("redeemLabel", { reward: rewardValue(reward) })}
                  onClick={() => void redeem(reward.id)}
                >
                  {t("redeem")}
                </s-button>
              </s-stack>
            ))}
            {loyalty.codes.length > 0 ? (
              <s-unordered-list>
                {loyalty.codes.map((code) => (
                  <s-list-item key={code.at}>{code.code ?? t("storeCreditShort")}</s-list-item>
                ))}
              </s-unordered-list>
            ) : null}
          </s-stack>
        </s-section>

        {loyalty.referral ? (
          <s-section heading={t("referralHeading")}>
            <s-stack gap="small">
              <s-text>
                {t("referralOffer", {
                  percent: loyalty.referral.friendPercent,
                  points: formatNumber(loyalty.referral.bonus),
                })}
              </s-text>
              <s-link href={loyalty.referral.url}>{loyalty.referral.url}</s-link>
              <s-text color="subdued">{t("referralCode", { code: loyalty.referral.code })}</s-text>
            </s-stack>
          </s-section>
        ) : null}

        {loyalty.birthday === null && loyalty.history.length > 0 ? (
          <s-section heading={t("birthdayHeading")}>
            <s-stack gap="small">
              <s-text-field
                label={t("birthdayLabel")}
                value={birthday}
                error={birthdayRefused ? t("birthdayInvalid") : undefined}
                onChange={(event: Event) =>
                  setBirthday((event.currentTarget as HTMLInputElement).value)
                }
              />
              <s-button onClick={() => void saveBirthday()}>{t("birthdaySave")}</s-button>
            </s-stack>
          </s-section>
        ) : null}

        <s-section heading={t("historyHeading")}>
          {loyalty.history.length === 0 ? (
            <s-text color="subdued">{t("noHistory")}</s-text>
          ) : (
            <s-unordered-list>
              {loyalty.history.map((entry) => (
                <s-list-item key={entry.id}>
                  {t(`entry.${entry.source}.${entry.kind}`)}:{" "}
                  {entry.points !== 0
                    ? formatNumber(entry.points, { signDisplay: "always" })
                    : t("pendingShort", {
                        points: formatNumber(entry.pendingPoints, { signDisplay: "always" }),
                      })}
                </s-list-item>
              ))}
            </s-unordered-list>
          )}
        </s-section>
      </s-stack>
    </s-page>
  );
}
