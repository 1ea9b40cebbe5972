/** What the returns admin tests post: forms as the admin's pages send them, the policy editor's draft. */

/** A form post as the admin's pages send it. */
export const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const one of [value].flat()) body.append(key, one);
  }
  return {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  };
};

/** A rule by reason: damaged items need photos (so the return waits for approval), refund only. */
export const DAMAGED_RULE = {
  id: "damaged",
  name: "Damaged items",
  productTags: "",
  collectionIds: "",
  productTypes: "",
  reasons: "damaged",
  discounted: "any",
  finalSale: "any",
  returnable: "any",
  windowDays: "",
  resolutions: ["refund"],
  photosRequired: true,
  keepItem: false,
};

/** The policy editor's draft as the settings page posts it. */
export const draft = (changes: Record<string, unknown> = {}) =>
  JSON.stringify({
    windowDays: "30",
    deliveryBufferDays: "5",
    resolutions: ["refund", "store_credit"],
    storeCreditBonusPercent: "10",
    returnShippingFee: "4.50",
    restockingFeePercent: "0",
    waiveFeesFor: ["store_credit"],
    greenReturnMaxValue: "",
    greenReturnReasons: "",
    rules: [DAMAGED_RULE],
    ...changes,
  });
