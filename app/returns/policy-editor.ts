import { z } from "zod";
import { fromMinorUnits, toMinorUnits } from "../platform/shopify/money";
import { policyMessages } from "./policy-messages";
import {
  AutomationSchema,
  RESOLUTIONS,
  ReturnPolicySchema,
  WarrantyPeriodSchema,
  type ReturnPolicy,
} from "./policy";

/**
 * The policy as the settings form edits it: numbers as typed, money in the shop's currency
 * (the policy keeps minor units), lists as comma-separated text. The server turns a draft back
 * into a policy and validates it with ReturnPolicySchema, naming each error by the field it
 * belongs to, so the form can show it next to that field.
 */

const triState = z.enum(["any", "yes", "no"]);
export type TriState = z.infer<typeof triState>;
const resolutionList = z.array(z.enum(RESOLUTIONS));

/** The draft a form posts, as JSON; every value in it is validated again as a policy. */
export const PolicyDraftSchema = z.object({
  windowDays: z.string(),
  deliveryBufferDays: z.string(),
  resolutions: resolutionList,
  storeCreditBonusPercent: z.string(),
  returnShippingFee: z.string(),
  restockingFeePercent: z.string(),
  waiveFeesFor: resolutionList,
  /** Empty: no green returns by value. */
  greenReturnMaxValue: z.string(),
  greenReturnReasons: z.string(),
  rules: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      productTags: z.string(),
      collectionIds: z.string(),
      productTypes: z.string(),
      reasons: z.string(),
      discounted: triState,
      finalSale: triState,
      returnable: triState,
      windowDays: z.string(),
      /** Null: the rule leaves the resolutions as they are. */
      resolutions: resolutionList.nullable(),
      photosRequired: z.boolean(),
      keepItem: z.boolean(),
      /** Percent of delivered units; empty: any customer. */
      customerReturnRateAbove: z.string().default(""),
      serialReturner: triState.default("any"),
      holdAutomaticRefund: z.boolean().default(false),
    }),
  ),
  /** Shop-now exchanges: money in the shop's currency, the bonus percent as typed. */
  shopNow: z
    .object({
      enabled: z.boolean(),
      bonusPercent: z.string(),
      bonusAmount: z.string(),
      remainderAs: z.enum(["store_credit", "refund"]),
      instantFor: z.enum(["nobody", "trusted"]).default("nobody"),
    })
    .optional(),
  /** Not edited as text: carried through, so saving the form keeps them. */
  automation: AutomationSchema.optional(),
  warranties: z.array(WarrantyPeriodSchema).optional(),
  abuse: z
    .object({
      lookbackDays: z.string(),
      /** Percent. */
      highReturnRate: z.string(),
      serialReturnerMinReturns: z.string(),
      /** Percent of orders. */
      serialReturnerMinRate: z.string(),
      wardrobingReasons: z.string(),
      wardrobingDays: z.string(),
    })
    .optional(),
});
export type PolicyDraft = z.infer<typeof PolicyDraftSchema>;
export type RuleDraft = PolicyDraft["rules"][number];

const list = (values: string[] | undefined) => (values ?? []).join(", ");
const tri = (value: boolean | undefined): TriState =>
  value === undefined ? "any" : value ? "yes" : "no";

export function draftFromPolicy(policy: ReturnPolicy, currency: string): PolicyDraft {
  return {
    windowDays: String(policy.windowDays),
    deliveryBufferDays: String(policy.deliveryBufferDays),
    resolutions: policy.resolutions,
    storeCreditBonusPercent: String(policy.storeCreditBonusPercent),
    returnShippingFee: fromMinorUnits(policy.returnShippingFee, currency),
    restockingFeePercent: String(policy.restockingFeePercent),
    waiveFeesFor: policy.waiveFeesFor,
    greenReturnMaxValue:
      policy.greenReturnMaxValue === null
        ? ""
        : fromMinorUnits(policy.greenReturnMaxValue, currency),
    greenReturnReasons: list(policy.greenReturnReasons),
    rules: policy.rules.map((rule) => ({
      id: rule.id,
      name: rule.name,
      productTags: list(rule.when.productTags),
      collectionIds: list(rule.when.collectionIds),
      productTypes: list(rule.when.productTypes),
      reasons: list(rule.when.reasons),
      discounted: tri(rule.when.discounted),
      finalSale: tri(rule.when.finalSale),
      returnable: tri(rule.then.returnable),
      windowDays: rule.then.windowDays === undefined ? "" : String(rule.then.windowDays),
      resolutions: rule.then.resolutions ?? null,
      photosRequired: rule.then.photosRequired ?? false,
      keepItem: rule.then.keepItem ?? false,
      customerReturnRateAbove: percentText(rule.when.customerReturnRateAbove),
      serialReturner: tri(rule.when.serialReturner),
      holdAutomaticRefund: rule.then.holdAutomaticRefund ?? false,
    })),
    shopNow: {
      enabled: policy.shopNow.enabled,
      bonusPercent: String(policy.shopNow.bonusPercent),
      bonusAmount: fromMinorUnits(policy.shopNow.bonusAmount, currency),
      remainderAs: policy.shopNow.remainderAs,
      instantFor: policy.shopNow.instantFor,
    },
    automation: policy.automation,
    warranties: policy.warranties,
    abuse: {
      lookbackDays: String(policy.abuse.lookbackDays),
      highReturnRate: percentText(policy.abuse.highReturnRate),
      serialReturnerMinReturns: String(policy.abuse.serialReturnerMinReturns),
      serialReturnerMinRate: percentText(policy.abuse.serialReturnerMinRate),
      wardrobingReasons: list(policy.abuse.wardrobingReasons),
      wardrobingDays: String(policy.abuse.wardrobingDays),
    },
  };
}

/** Shares (0.4) are typed as percents (40). */
function percentText(share: number | undefined): string {
  return share === undefined ? "" : String(Math.round(share * 10_000) / 100);
}

export function newRuleDraft(id: string): RuleDraft {
  return {
    id,
    name: "",
    productTags: "",
    collectionIds: "",
    productTypes: "",
    reasons: "",
    discounted: "any",
    finalSale: "any",
    returnable: "any",
    windowDays: "",
    resolutions: null,
    photosRequired: false,
    keepItem: false,
    customerReturnRateAbove: "",
    serialReturner: "any",
    holdAutomaticRefund: false,
  };
}

/** A number as typed; text that is not one stays text, so validation names the field. */
function number(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function share(text: string): number | string {
  const value = number(text);
  return typeof value === "number" ? value / 100 : value;
}

function money(text: string, currency: string): number | string {
  try {
    return toMinorUnits(text.trim(), currency);
  } catch {
    return text.trim();
  }
}

/** Absent when empty: an empty condition matches every item. */
function values(text: string): string[] | undefined {
  const parts = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length ? parts : undefined;
}

const fromTri = (value: TriState) => (value === "any" ? undefined : value === "yes");

function ruleFromDraft(rule: RuleDraft) {
  return {
    id: rule.id,
    name: rule.name.trim(),
    when: {
      productTags: values(rule.productTags),
      collectionIds: values(rule.collectionIds),
      productTypes: values(rule.productTypes),
      reasons: values(rule.reasons),
      discounted: fromTri(rule.discounted),
      finalSale: fromTri(rule.finalSale),
      customerReturnRateAbove:
        rule.customerReturnRateAbove.trim() === ""
          ? undefined
          : share(rule.customerReturnRateAbove),
      serialReturner: fromTri(rule.serialReturner),
    },
    then: {
      returnable: fromTri(rule.returnable),
      windowDays: rule.windowDays.trim() === "" ? undefined : number(rule.windowDays),
      resolutions: rule.resolutions ?? undefined,
      photosRequired: rule.photosRequired || undefined,
      keepItem: rule.keepItem || undefined,
      holdAutomaticRefund: rule.holdAutomaticRefund || undefined,
    },
  };
}

/** Messages a merchant reads next to a field, instead of zod's developer wording. */
const editorError =
  (t: ReturnType<typeof policyMessages>) =>
  (issue: z.core.$ZodRawIssue): string | undefined => {
    if (issue.code === "invalid_type" && issue.expected === "number") return t("errNumber");
    if (issue.code === "invalid_type" && issue.expected === "int") return t("errWholeNumber");
    if (issue.code === "too_big" && issue.origin === "number") {
      return t("errAtMost", { n: String(issue.maximum) });
    }
    if (issue.code === "too_small" && issue.origin === "number") {
      return t("errAtLeast", { n: String(issue.minimum) });
    }
    if (issue.code === "too_small" && issue.origin === "string") return t("errRequired");
    return undefined;
  };

/**
 * The form field an error belongs to: "windowDays", "rules.2.windowDays" inside a rule, or
 * "abuse.wardrobingDays".
 */
function fieldOf(path: PropertyKey[]): string {
  if ((path[0] === "abuse" || path[0] === "shopNow") && path[1] !== undefined) {
    return `${String(path[0])}.${String(path[1])}`;
  }
  if (path[0] !== "rules" || typeof path[1] !== "number") return String(path[0] ?? "form");
  const field = path.slice(2).find((part) => part !== "when" && part !== "then");
  return `rules.${path[1]}.${String(field ?? "name")}`;
}

export type PolicyFromDraft =
  { ok: true; policy: ReturnPolicy } | { ok: false; errors: Record<string, string> };

/** The draft as a policy, or each field's error in the words of `t` (the admin's language). */
export function policyFromDraft(
  draft: PolicyDraft,
  currency: string,
  t = policyMessages("en"),
): PolicyFromDraft {
  const errors: Record<string, string> = {};
  if (draft.resolutions.length === 0) errors.resolutions = t("errNoResolution");
  const parsed = ReturnPolicySchema.safeParse(
    {
      windowDays: number(draft.windowDays),
      deliveryBufferDays: number(draft.deliveryBufferDays),
      resolutions: draft.resolutions,
      storeCreditBonusPercent: number(draft.storeCreditBonusPercent),
      returnShippingFee: money(draft.returnShippingFee || "0", currency),
      restockingFeePercent: number(draft.restockingFeePercent),
      waiveFeesFor: draft.waiveFeesFor,
      greenReturnMaxValue:
        draft.greenReturnMaxValue.trim() === "" ? null : money(draft.greenReturnMaxValue, currency),
      greenReturnReasons: values(draft.greenReturnReasons) ?? [],
      rules: draft.rules.map(ruleFromDraft),
      shopNow: draft.shopNow && {
        enabled: draft.shopNow.enabled,
        bonusPercent: number(draft.shopNow.bonusPercent),
        bonusAmount: money(draft.shopNow.bonusAmount || "0", currency),
        remainderAs: draft.shopNow.remainderAs,
        instantFor: draft.shopNow.instantFor,
      },
      automation: draft.automation,
      warranties: draft.warranties,
      abuse: draft.abuse && {
        lookbackDays: number(draft.abuse.lookbackDays),
        highReturnRate: share(draft.abuse.highReturnRate),
        serialReturnerMinReturns: number(draft.abuse.serialReturnerMinReturns),
        serialReturnerMinRate: share(draft.abuse.serialReturnerMinRate),
        wardrobingReasons: values(draft.abuse.wardrobingReasons) ?? [],
        wardrobingDays: number(draft.abuse.wardrobingDays),
      },
    },
    { error: editorError(t) },
  );
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, policy: parsed.data };
}

/** The settings page's policy, posted as JSON text; unreadable JSON fails like a bad draft. */
export function parsePostedDraft(text: string) {
  let posted: unknown;
  try {
    posted = JSON.parse(text);
  } catch {
    posted = null;
  }
  return PolicyDraftSchema.safeParse(posted);
}
