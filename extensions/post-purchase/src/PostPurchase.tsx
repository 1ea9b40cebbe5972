import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { APP_URL } from "./config";

/** The backend's answer (app/routes/api.recommendations.orders.$orderId.ts). */
interface Recommended {
  productId: string;
  title: string;
  imageUrl: string | null;
  price: number;
  url: string;
  cartUrl: string | null;
}

type Group = "detractor" | "passive" | "promoter";
const REASONS = ["delivery", "product_quality", "price", "service", "website"] as const;
const SCORES = Array.from({ length: 11 }, (_, score) => score);

export default async () => {
  render(<PostPurchase />, document.body);
};

const orderId = () => shopify.orderConfirmation.value.order.id.split("/").pop() ?? "";

async function call(path: string, init: RequestInit = {}) {
  const token = await shopify.sessionToken.get();
  return fetch(`${APP_URL}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
  });
}

/** Tells the app what was shown or followed, for the merchant's click-through and revenue figures. */
function track(kind: "impression" | "click", productIds: string[]) {
  void call("/api/recommendations/events", {
    method: "POST",
    body: JSON.stringify({ orderId: orderId(), kind, productIds }),
  }).catch(() => undefined);
}

function PostPurchase() {
  return (
    <s-stack gap="large">
      <Recommendations />
      <NpsQuestion />
    </s-stack>
  );
}

function Recommendations() {
  const { translate: t, formatCurrency } = shopify.i18n;
  const [products, setProducts] = useState<Recommended[]>([]);
  useEffect(() => {
    call(`/api/recommendations/orders/${orderId()}`)
      .then(async (response) =>
        response.ok ? ((await response.json()) as { products: Recommended[] }).products : [],
      )
      .then(setProducts, () => setProducts([]));
  }, []);
  useEffect(() => {
    if (products.length)
      track(
        "impression",
        products.map((product) => product.productId),
      );
  }, [products]);
  if (products.length === 0) return null;
  const currency = shopify.cost.totalAmount.value.currencyCode;
  return (
    <s-section heading={t("recommendations")}>
      <s-grid gridTemplateColumns="1fr 1fr" gap="base">
        {products.map((product) => (
          <s-stack key={product.productId} gap="small-200">
            {product.imageUrl ? <s-image src={product.imageUrl} alt={product.title} /> : null}
            <s-link href={product.url} onClick={() => track("click", [product.productId])}>
              {product.title}
            </s-link>
            <s-text>{formatCurrency(product.price / 100, { currency })}</s-text>
            {product.cartUrl ? (
              <s-button
                href={product.cartUrl}
                onClick={() => track("click", [product.productId])}
                accessibilityLabel={t("addNamed", { title: product.title })}
              >
                {t("add")}
              </s-button>
            ) : null}
          </s-stack>
        ))}
      </s-grid>
    </s-section>
  );
}

function NpsQuestion() {
  const t = shopify.i18n.translate;
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [reasons, setReasons] = useState<string[]>([]);
  const [group, setGroup] = useState<Group | null>(null);
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (chosen: number, withDetails: boolean) => {
    const response = await call("/api/surveys/nps", {
      method: "POST",
      body: JSON.stringify({
        orderId: orderId(),
        score: chosen,
        ...(withDetails ? { comment: comment || undefined, reasons } : {}),
      }),
    }).catch(() => null);
    if (!response?.ok) return setFailed(true);
    setFailed(false);
    setGroup(((await response.json()) as { group: Group }).group);
    setDone(withDetails);
  };

  if (group && done) {
    return (
      <s-banner tone={group === "detractor" ? "warning" : "success"} heading={t("thanks")}>
        <s-text>{t(`followUp.${group}`)}</s-text>
      </s-banner>
    );
  }
  return (
    <s-section heading={t("npsQuestion", { shop: shopify.shop.name })}>
      <s-stack gap="base">
        <s-stack direction="inline" gap="small-200">
          {SCORES.map((value) => (
            <s-button
              key={value}
              variant={value === score ? "primary" : "secondary"}
              accessibilityLabel={t("scoreLabel", { score: value })}
              onClick={() => {
                setScore(value);
                void submit(value, false);
              }}
            >
              {String(value)}
            </s-button>
          ))}
        </s-stack>
        <s-stack direction="inline" gap="base">
          <s-text color="subdued">{t("notLikely")}</s-text>
          <s-text color="subdued">{t("veryLikely")}</s-text>
        </s-stack>
        {failed ? <s-banner tone="critical">{t("failed")}</s-banner> : null}
        {score !== null && group ? (
          <s-stack gap="base">
            <s-stack direction="inline" gap="small-200">
              {REASONS.map((reason) => (
                <s-checkbox
                  key={reason}
                  label={t(`reason.${reason}`)}
                  checked={reasons.includes(reason)}
                  onChange={() =>
                    setReasons((chosen) =>
                      chosen.includes(reason)
                        ? chosen.filter((entry) => entry !== reason)
                        : [...chosen, reason],
                    )
                  }
                />
              ))}
            </s-stack>
            <s-text-area
              label={t("comment")}
              value={comment}
              onInput={(event) => setComment((event.currentTarget as HTMLTextAreaElement).value)}
            />
            <s-button onClick={() => void submit(score, true)}>{t("send")}</s-button>
          </s-stack>
        ) : null}
      </s-stack>
    </s-section>
  );
}
