/**
 * The touches a merchant can hold customers out of, each checked where it decides to reach a
 * customer: the shipment emails (app/tracking/notify.server.ts), the thank-you and order-status
 * recommendations (app/recommendations), loyalty bonus points (app/loyalty/members.server.ts) and
 * what follows a delivery rating: a return or contact link when unhappy, a review or referral
 * link when happy (app/surveys/csat.server.ts).
 */
export const TOUCHES = [
  "shipment_emails",
  "recommendations",
  "loyalty_bonus",
  "csat_follow_ups",
] as const;
export type Touch = (typeof TOUCHES)[number];

export function isTouch(value: unknown): value is Touch {
  return TOUCHES.includes(value as Touch);
}

export const ARMS = ["treated", "holdout"] as const;
export type Arm = (typeof ARMS)[number];

/** Holding out more than this leaves too few treated customers to learn from the touch itself. */
export const MAX_HOLDOUT_PERCENT = 90;
