import { sessionToken } from "../standin/signing";

export interface AdminClient {
  get(pathname: string): Promise<Response>;
  /** A form post, as the admin pages' fetchers send one. */
  post(pathname: string, fields: Record<string, string>): Promise<Response>;
}

/**
 * The embedded admin's requests to the app as App Bridge sends them: each with a fresh session
 * token of the shop, signed with the app's secret, from a browser's user agent.
 */
export function adminClient(options: {
  appUrl: string;
  shop: string;
  apiKey: string;
  secret: string;
  userAgent: string;
}): AdminClient {
  const headers = () => ({
    Authorization: `Bearer ${sessionToken({ shop: options.shop, apiKey: options.apiKey, secret: options.secret })}`,
    "User-Agent": options.userAgent,
  });
  return {
    get: (pathname) => fetch(`${options.appUrl}${pathname}`, { headers: headers() }),
    post: (pathname, fields) =>
      fetch(`${options.appUrl}${pathname}`, {
        method: "POST",
        headers: { ...headers(), "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      }),
  };
}

/**
 * The demo shop's loyalty program as the settings form posts it: a point per dollar before
 * discounts, shipping and taxes, Silver and Gold tiers, and the given rewards.
 */
export function loyaltyProgramForm(rewards: object[] = []): Record<string, string> {
  return {
    enabled: "on",
    pointsPerUnit: "1",
    excludeDiscounts: "on",
    excludeShipping: "on",
    excludeTaxes: "on",
    returnWindowDays: "14",
    firstOrderBonus: "0",
    birthdayBonus: "0",
    surveyBonus: "25",
    referralBonus: "200",
    referralFriendPercent: "10",
    expiryInactiveDays: "365",
    expiryWarningDays: "30",
    tierBasis: "points",
    tagMultipliers: "[]",
    tiers: JSON.stringify([
      { name: "Silver", threshold: 150, earnMultiplier: 1.25, rewardDiscountPercent: 0 },
      { name: "Gold", threshold: 400, earnMultiplier: 1.5, rewardDiscountPercent: 10 },
    ]),
    rewards: JSON.stringify(rewards),
  };
}
