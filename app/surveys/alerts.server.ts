import { notify } from "../notifications/index.server";
import { orderNames } from "../orders/index.server";
import { getShop } from "../shops/index.server";

/**
 * An unhappy answer reaches the merchant at once by email as well as in the Surveys inbox: the
 * closed loop only works if someone answers the same day.
 */
export async function emailMerchantAlert(
  shopDomain: string,
  response: {
    id: string;
    kind: string;
    score: number;
    comment: string | null;
    orderShopifyId: string | null;
  },
) {
  const shop = await getShop(shopDomain);
  const to = shop?.email ?? shop?.contactEmail;
  if (!to) return null;
  const orderName = response.orderShopifyId
    ? ((await orderNames(shopDomain, [response.orderShopifyId])).get(response.orderShopifyId) ??
      null)
    : null;
  return notify({
    shop: shopDomain,
    trigger: "survey.alert",
    subjectKey: `alert:${response.id}`,
    recipient: { email: to, locale: shop?.primaryLocale ?? "en" },
    orderId: response.orderShopifyId,
    orderName,
    data: {
      survey: response.kind === "nps" ? "NPS" : "CSAT",
      score: response.score,
      comment: response.comment,
      orderName,
      adminUrl: `https://admin.shopify.com/store/${shopDomain.replace(".myshopify.com", "")}/apps/aftercare/app/surveys`,
    },
  });
}
