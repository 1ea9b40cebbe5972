import { db } from "../db.server";
import { notify, type TriggerName } from "../notifications/index.server";
import { log } from "../platform/logging/logger.server";

type ReturnTrigger = Extract<TriggerName, `return.${string}`>;

/**
 * The shopper's email about their return, through the notifications engine: once per return and
 * trigger, in the language they used in the portal. The merchant's action has happened already,
 * so a failure to record the email is logged rather than undoing it.
 */
export async function emailReturnNews(
  shopDomain: string,
  returnId: string,
  trigger: ReturnTrigger,
  details: { reason?: string; labelUrl?: string | null; amount?: number } = {},
) {
  const request = await db.returnRequest.findFirst({ where: { id: returnId, shopDomain } });
  if (!request?.email) return;
  try {
    await notify({
      shop: shopDomain,
      trigger,
      subjectKey: returnId,
      recipient: {
        email: request.email,
        customerId: request.customerShopifyId,
        locale: request.locale,
      },
      orderId: request.orderShopifyId,
      orderName: request.orderName,
      data: {
        orderName: request.orderName,
        reason: details.reason ?? null,
        labelUrl: details.labelUrl ?? null,
        amount: details.amount ?? null,
        currency: details.amount === undefined ? null : request.currency,
      },
    });
  } catch (error) {
    log().error({ shopDomain, returnId, trigger, error }, "Return email not recorded");
  }
}
