import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { memberSummary, shopperLoyaltyPage } from "../loyalty/queries.server";
import { setBirthday } from "../loyalty/members.server";
import { referralLink } from "../loyalty/referrals.server";
import { redeemReward } from "../loyalty/rewards.server";
import { customerAccountShopper } from "../storefront/shopper.server";
import { BODY_LIMITS, readJson } from "../platform/http/body.server";

/**
 * The customer-account loyalty page's backend. The session token names the shop (`dest`) and
 * the logged-in customer (`sub`): a shopper only ever sees and spends their own points.
 */
async function shopper(request: Request) {
  const { shopDomain, customerShopifyId, cors } = await customerAccountShopper(request);
  return { shop: shopDomain, customerShopifyId, cors };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, customerShopifyId, cors } = await shopper(request);
  if (!customerShopifyId)
    return cors(Response.json({ error: "Sign in to see your points" }, { status: 401 }));
  const summary = await shopperLoyaltyPage(shop, customerShopifyId);
  // A failed link (Shopify unavailable) leaves the rest of the page working.
  const referral = summary.member
    ? await referralLink(shop, summary.member.id, {
        program: summary.program,
        member: summary.member,
      }).catch(() => null)
    : null;
  return cors(
    Response.json({
      balance: summary.balance,
      pending: summary.pending,
      negative: summary.negative,
      currency: summary.currency,
      tier: summary.tier,
      next: summary.next && { tier: summary.next.tier.name, remaining: summary.next.remaining },
      tierBasis: summary.tierBasis,
      referral,
      birthday: summary.member?.birthday ?? null,
      history: summary.entries.map((entry) => ({
        id: entry.id,
        at: entry.createdAt,
        source: entry.source,
        kind: entry.kind,
        points: entry.points,
        pendingPoints: entry.pendingPoints,
        note: entry.note,
      })),
      rewards: summary.rewards.map((reward) => ({
        id: reward.id,
        name: reward.name,
        kind: reward.kind,
        points: reward.points,
        value: reward.value,
        minimumOrder: reward.minimumOrder,
        affordable: reward.affordable,
      })),
      codes: summary.redemptions.map((redemption) => ({
        code: redemption.code,
        kind: redemption.kind,
        value: redemption.value,
        at: redemption.createdAt,
      })),
    }),
  );
}

const RedeemBody = z.object({
  rewardId: z.string().min(1).max(100),
  requestKey: z.string().min(8).max(100),
});
const BirthdayBody = z.object({ birthday: z.string().max(5) });

export async function action({ request }: ActionFunctionArgs) {
  const { shop, customerShopifyId, cors } = await shopper(request);
  if (!customerShopifyId)
    return cors(Response.json({ error: "Sign in to redeem" }, { status: 401 }));
  const json: unknown = await readJson(request, BODY_LIMITS.publicForm);
  const birthday = BirthdayBody.safeParse(json);
  if (birthday.success) {
    const summary = await memberSummary(shop, customerShopifyId, 0);
    const saved =
      summary.member && (await setBirthday(shop, summary.member.id, birthday.data.birthday));
    return cors(Response.json({ saved: Boolean(saved) }, { status: saved ? 200 : 409 }));
  }
  const body = RedeemBody.safeParse(json);
  if (!body.success) return cors(Response.json({ error: "Invalid request" }, { status: 400 }));
  const result = await redeemReward({
    shopDomain: shop,
    customerShopifyId,
    rewardId: body.data.rewardId,
    requestKey: `${customerShopifyId}:${body.data.requestKey}`,
  });
  if (!result.ok) {
    const status =
      result.reason === "refused" ? 502 : result.reason === "unknown_reward" ? 404 : 409;
    return cors(Response.json({ error: result.reason, message: result.message }, { status }));
  }
  return cors(
    Response.json({
      code: result.redemption.code,
      kind: result.redemption.kind,
      value: result.redemption.value,
      points: result.redemption.points,
    }),
  );
}
