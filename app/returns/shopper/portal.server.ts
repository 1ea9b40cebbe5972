import { z } from "zod";
import { hasControlCharacters } from "../../platform/typed-text";
import { PHOTO_LIMITS, preparePhotos } from "../photos.server";
import { evaluateReturn } from "../policy";
import { ClaimSchema, fileClaim, warrantyOptions } from "../warranty.server";
import {
  ReturnSubmissionSchema,
  findReturnableOrder,
  loadPolicy,
  submitReturn,
  type ReturnableOrder,
} from "../returns.server";

/**
 * The storefront returns portal's answers (App Proxy, JSON): find the order by number + email
 * and show what the policy allows for each line; submit a return. Every submission finds the
 * order again from number + email, so a return is only ever made against the shopper's own order.
 */

const typed = (text: string) => !hasControlCharacters(text);
const CONTROL_CHARACTERS = "must not contain control characters";

const OrderKeySchema = z.object({
  order: z.string().trim().min(1).max(40).refine(typed, CONTROL_CHARACTERS),
  email: z.string().trim().min(3).max(254).refine(typed, CONTROL_CHARACTERS),
});

/** Photos in JSON, for headless storefronts: base64 of the file, checked like any upload. */
const PhotoSchema = z.object({
  lineItemId: z.string().regex(/^\d{1,20}$/),
  contentType: z.string().max(40),
  data: z.base64().max(Math.ceil((PHOTO_LIMITS.maxBytes * 4) / 3) + 4),
});

const PortalRequestSchema = z.discriminatedUnion("action", [
  OrderKeySchema.extend({ action: z.literal("lookup") }),
  OrderKeySchema.extend({
    action: z.literal("submit"),
    photos: z.array(PhotoSchema).max(PHOTO_LIMITS.perReturn).default([]),
  }).merge(ReturnSubmissionSchema),
  OrderKeySchema.extend({
    action: z.literal("claim"),
    photos: z.array(PhotoSchema).min(1).max(PHOTO_LIMITS.perLine),
  }).merge(ClaimSchema),
]);

export interface PortalAnswer {
  status: 200 | 201 | 400 | 404 | 422 | 429;
  body: unknown;
  retryAfterSeconds?: number;
}

export async function portalRequest(
  shopDomain: string,
  spendLookup: () => Promise<number | null>,
  input: unknown,
  now = new Date(),
): Promise<PortalAnswer> {
  const parsed = PortalRequestSchema.safeParse(input);
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: "invalidRequest",
        issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      },
    };
  }
  const wait = await spendLookup();
  if (wait !== null) return { status: 429, body: { error: "tooMany" }, retryAfterSeconds: wait };
  const request = parsed.data;
  const order = await findReturnableOrder(shopDomain, request.order, request.email);
  // A wrong email and an order that does not exist get the same answer.
  if (!order) return { status: 404, body: { error: "notFound" } };

  if (request.action === "lookup") {
    return { status: 200, body: await returnOptions(shopDomain, order, now) };
  }
  const photos = await preparePhotos(
    request.photos.map((photo) => ({
      lineItemId: photo.lineItemId,
      contentType: photo.contentType,
      bytes: new Uint8Array(Buffer.from(photo.data, "base64")),
    })),
  );
  if (!photos.ok)
    return {
      status: 422,
      body: { error: "refused", errors: [{ lineItemId: null, message: photos.problem }] },
    };
  if (request.action === "claim") {
    const claim = await fileClaim(shopDomain, order, request, photos.photos, now);
    if (!claim.ok) {
      return {
        status: 422,
        body: {
          error: "refused",
          errors: [{ lineItemId: request.lineItemId, message: claim.message }],
        },
      };
    }
    return {
      status: claim.repeated ? 200 : 201,
      body: { returnId: claim.returnId, repeated: claim.repeated },
    };
  }
  const result = await submitReturn(shopDomain, order, request, "portal", now, photos.photos);
  if (!result.ok) return { status: 422, body: { error: "refused", errors: result.errors } };
  return {
    status: result.repeated ? 200 : 201,
    body: { returnId: result.returnId, repeated: result.repeated },
  };
}

/**
 * Each line with the policy's decision for returning one unit of it, the amount per option (per
 * unit) and the variants an exchange may send instead; a reason, when given, lets the policy's
 * rules by reason apply (the merchant's order checker).
 */
export async function returnOptions(
  shopDomain: string,
  order: ReturnableOrder,
  now: Date,
  reason = "",
) {
  const policy = await loadPolicy(shopDomain);
  const decision = evaluateReturn(
    policy,
    order.facts,
    order.items,
    order.items.map((item) => ({ lineItemId: item.lineItemId, quantity: 1, reason })),
    {},
    now,
  );
  const warranties = warrantyOptions(policy, order, now);
  return {
    order: { name: order.name, currency: order.currency },
    shippingFee: policy.returnShippingFee,
    lines: order.items.map((item, index) => {
      const line = decision.lines[index]!;
      const { claimable, warranty } = warranties[index]!;
      const returnable = item.returnableQuantity > 0 && line.eligible;
      return {
        lineItemId: item.lineItemId,
        title: item.title,
        variantTitle: item.variantTitle,
        returnableQuantity: item.returnableQuantity,
        unitPrice: item.unitPrice,
        eligible: returnable,
        explanations:
          item.returnableQuantity === 0 ? ["Not eligible: already returned"] : line.explanations,
        windowEndsAt: line.windowEndsAt.toISOString(),
        photosRequired: line.photosRequired,
        options: returnable ? line.options : [],
        exchangeVariants: item.exchangeVariants,
        warranty: warranty && { ...warranty, claimable },
      };
    }),
  };
}
