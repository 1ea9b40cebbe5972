import "@shopify/ui-extensions/preact";
import { useEffect, useState } from "preact/hooks";

/**
 * "You may also like" and the NPS question with its follow-up offers, as the thank-you block
 * (extensions/post-purchase) and the order-status block (extensions/order-status-recommendations)
 * both show them. Each target passes what its own `shopify` API knows; the backend is the same.
 */
export interface BlockContext {
  appUrl: string;
  /** The order's numeric id. */
  orderId: string;
  /** Where the NPS answer was given (recorded with it). */
  source: "thank_you" | "order_status";
  shopName: string;
  currency: string;
  translate(key: string, values?: Record<string, string | number>): string;
  formatCurrency(amount: number, options: { currency: string }): string;
  sessionToken(): Promise<string>;
  /** The checkout that placed the order: a guest's order answers only to it. */
  checkoutToken(): string | undefined;
}

/** The parts of a target's `shopify` global the block reads (both targets have them). */
interface TargetApi {
  shop: { name: string };
  cost: { totalAmount: { value: { currencyCode: string } } };
  i18n: Pick<BlockContext, "translate" | "formatCurrency">;
  sessionToken: { get(): Promise<string> };
  checkoutToken: { value: string | undefined };
}

export function blockContext(
  api: TargetApi,
  order: Pick<BlockContext, "appUrl" | "orderId" | "source">,
): BlockContext {
  return {
    ...order,
    shopName: api.shop.name,
    currency: api.cost.totalAmount.value.currencyCode,
    translate: (key, values) => api.i18n.translate(key, values),
    formatCurrency: (amount, options) => api.i18n.formatCurrency(amount, options),
    sessionToken: () => api.sessionToken.get(),
    checkoutToken: () => api.checkoutToken.value,
  };
}

/** The backend's answer (app/routes/api.recommendations.orders.$orderId.ts). */
interface OrderAnswer {
  products: Recommended[];
  /** The NPS answer already given for this order, here or on the other page. */
  nps: GivenNps | null;
}

interface GivenNps {
  score: number;
  comment?: string;
}

interface Recommended {
  productId: string;
  title: string;
  imageUrl: string | null;
  price: number;
  url: string;
  cartUrl: string | null;
}

/** What the server offers after an answer (app/surveys/follow-up.server.ts). */
export type Offer =
  | { kind: "return" | "contact" | "review"; url: string }
  | { kind: "referral"; url: string; friendPercent: number };

type Group = "detractor" | "passive" | "promoter";
const REASONS = ["delivery", "product_quality", "price", "service", "website"] as const;
const SCORES = Array.from({ length: 11 }, (_, score) => score);

async function call(context: BlockContext, path: string, init: RequestInit = {}) {
  const token = await context.sessionToken();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    "Content-Type": "application/json",
  };
  // app/storefront/shopper.server.ts CHECKOUT_TOKEN_HEADER
  const checkout = context.checkoutToken();
  if (checkout) headers["X-Aftercare-Checkout-Token"] = checkout;
  return fetch(`${context.appUrl}${path}`, { ...init, headers });
}

/** Tells the app what was shown or followed, for the merchant's click-through and revenue figures. */
function track(context: BlockContext, kind: "impression" | "click", productIds: string[]) {
  void call(context, "/api/recommendations/events", {
    method: "POST",
    body: JSON.stringify({ orderId: context.orderId, kind, productIds }),
  }).catch(() => undefined);
}

const NOTHING_KNOWN: OrderAnswer = { products: [], nps: null };

export function PostPurchaseBlock({ context }: { context: BlockContext }) {
  const [order, setOrder] = useState<OrderAnswer | null>(null);
  useEffect(() => {
    call(context, `/api/recommendations/orders/${context.orderId}`)
      .then(async (response) =>
        response.ok ? ((await response.json()) as OrderAnswer) : NOTHING_KNOWN,
      )
      .then(setOrder, () => setOrder(NOTHING_KNOWN));
  }, [context]);
  // Until the order is known the block cannot tell whether to ask or to show the answer given.
  if (!order) return null;
  return (
    <s-stack gap="large">
      <Recommendations context={context} products={order.products} />
      <NpsQuestion context={context} given={order.nps} />
    </s-stack>
  );
}

function Recommendations({
  context,
  products,
}: {
  context: BlockContext;
  products: Recommended[];
}) {
  const { translate: t, formatCurrency, currency } = context;
  useEffect(() => {
    if (products.length) {
      track(
        context,
        "impression",
        products.map((product) => product.productId),
      );
    }
  }, [context, products]);
  if (products.length === 0) return null;
  return (
    <s-section heading={t("recommendations")}>
      <s-grid gridTemplateColumns="1fr 1fr" gap="base">
        {products.map((product) => (
          <s-stack key={product.productId} gap="small-200">
            {product.imageUrl ? <s-image src={product.imageUrl} alt={product.title} /> : null}
            <s-link href={product.url} onClick={() => track(context, "click", [product.productId])}>
              {product.title}
            </s-link>
            <s-text>{formatCurrency(product.price / 100, { currency })}</s-text>
            {product.cartUrl ? (
              <s-button
                href={product.cartUrl}
                onClick={() => track(context, "click", [product.productId])}
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

function NpsQuestion({ context, given }: { context: BlockContext; given: GivenNps | null }) {
  const t = context.translate;
  const [reopened, setReopened] = useState(false);
  const [score, setScore] = useState<number | null>(given?.score ?? null);
  const [comment, setComment] = useState(given?.comment ?? "");
  const [reasons, setReasons] = useState<string[]>([]);
  const [answer, setAnswer] = useState<{ group: Group; offers: Offer[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (chosen: number, withDetails: boolean) => {
    const response = await call(context, `/api/surveys/nps?source=${context.source}`, {
      method: "POST",
      body: JSON.stringify({
        orderId: context.orderId,
        score: chosen,
        // A changed score keeps the comment given with the earlier one.
        comment: comment || undefined,
        ...(withDetails ? { reasons } : {}),
      }),
    }).catch(() => null);
    if (!response?.ok) return setFailed(true);
    setFailed(false);
    setAnswer((await response.json()) as { group: Group; offers: Offer[] });
    setDone(withDetails);
  };

  if (given && !reopened) {
    return (
      <s-section heading={t("npsQuestion", { shop: context.shopName })}>
        <s-stack gap="base">
          <s-text>{t("yourAnswer", { score: given.score })}</s-text>
          {given.comment ? (
            <s-text color="subdued">{t("yourComment", { comment: given.comment })}</s-text>
          ) : null}
          <s-button variant="secondary" onClick={() => setReopened(true)}>
            {t("changeAnswer")}
          </s-button>
        </s-stack>
      </s-section>
    );
  }
  if (answer && done) {
    return (
      <s-banner tone={answer.group === "detractor" ? "warning" : "success"} heading={t("thanks")}>
        <s-stack gap="base">
          <s-text>{t(`followUp.${answer.group}`)}</s-text>
          <Offers offers={answer.offers} translate={t} />
        </s-stack>
      </s-banner>
    );
  }
  return (
    <s-section heading={t("npsQuestion", { shop: context.shopName })}>
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
        {score !== null && answer ? (
          <s-stack gap="base">
            <Offers offers={answer.offers} translate={t} />
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

/**
 * The next step the server offers for this answer: a return or support after a low score, a
 * review or the shopper's referral link after a high one.
 */
function Offers({
  offers,
  translate: t,
}: {
  offers: Offer[];
  translate: BlockContext["translate"];
}) {
  if (offers.length === 0) return null;
  return (
    <s-stack direction="inline" gap="small-200">
      {offers.map((offer) =>
        offer.kind === "referral" ? (
          <s-stack key={offer.kind} gap="small-200">
            <s-button href={offer.url} variant="secondary">
              {t("offer.referral", { percent: offer.friendPercent })}
            </s-button>
            <s-text color="subdued">{offer.url}</s-text>
          </s-stack>
        ) : (
          <s-button key={offer.kind} href={offer.url} variant="secondary">
            {t(`offer.${offer.kind}`)}
          </s-button>
        ),
      )}
    </s-stack>
  );
}
