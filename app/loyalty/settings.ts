import { z } from "zod";
import type { LoyaltySettingsModel as LoyaltySettings } from "../db.server";

export const TagMultiplierSchema = z.object({
  tag: z.string().trim().min(1),
  multiplier: z.number().positive().max(10),
});
export type TagMultiplier = z.infer<typeof TagMultiplierSchema>;

export const TierSchema = z.object({
  name: z.string().trim().min(1),
  /** Points earned, or spend in minor units, over a rolling 12 months. */
  threshold: z.number().int().nonnegative(),
  earnMultiplier: z.number().positive().max(10).default(1),
  /** Extra percent on the value of rewards redeemed in this tier. */
  rewardDiscountPercent: z.number().int().min(0).max(100).default(0),
});
export type Tier = z.infer<typeof TierSchema>;

export const RewardSchema = z.object({
  id: z.string().trim().min(1),
  name: z.string().trim().min(1),
  kind: z.enum(["fixed", "percentage", "store_credit"]),
  points: z.number().int().positive(),
  /** Minor units of the shop's currency (fixed, store_credit) or percent (percentage). */
  value: z.number().int().positive(),
  /** Minimum order subtotal, minor units. */
  minimumOrder: z.number().int().nonnegative().default(0),
});
export type Reward = z.infer<typeof RewardSchema>;

/** The program as the ledger and the pages use it: the row with its JSON parsed. */
export interface Program {
  enabled: boolean;
  pointsPerUnit: number;
  excludeShipping: boolean;
  excludeTaxes: boolean;
  excludeDiscounts: boolean;
  tagMultipliers: TagMultiplier[];
  returnWindowDays: number;
  firstOrderBonus: number;
  birthdayBonus: number;
  surveyBonus: number;
  referralBonus: number;
  referralFriendPercent: number;
  expiryInactiveDays: number;
  expiryWarningDays: number;
  tierBasis: "points" | "spend";
  tiers: Tier[];
  rewards: Reward[];
}

export const DEFAULT_REWARDS: Reward[] = [
  { id: "five-off", name: "$5 off", kind: "fixed", points: 500, value: 500, minimumOrder: 0 },
  {
    id: "ten-percent",
    name: "10% off",
    kind: "percentage",
    points: 1000,
    value: 10,
    minimumOrder: 5000,
  },
];

export const DEFAULT_PROGRAM: Program = {
  enabled: true,
  pointsPerUnit: 1,
  excludeShipping: true,
  excludeTaxes: true,
  excludeDiscounts: true,
  tagMultipliers: [],
  returnWindowDays: 30,
  firstOrderBonus: 0,
  birthdayBonus: 0,
  surveyBonus: 0,
  referralBonus: 0,
  referralFriendPercent: 10,
  expiryInactiveDays: 365,
  expiryWarningDays: 30,
  tierBasis: "points",
  tiers: [],
  rewards: DEFAULT_REWARDS,
};

export function parseList<T>(json: string, schema: z.ZodType<T>, fallback: T[]): T[] {
  try {
    const parsed = z.array(schema).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : fallback;
  } catch {
    // An unreadable list falls back to the default rather than breaking earning.
    return fallback;
  }
}

export function programFromRow(row: LoyaltySettings | null): Program {
  if (!row) return DEFAULT_PROGRAM;
  return {
    enabled: row.enabled,
    pointsPerUnit: row.pointsPerUnit,
    excludeShipping: row.excludeShipping,
    excludeTaxes: row.excludeTaxes,
    excludeDiscounts: row.excludeDiscounts,
    tagMultipliers: parseList(row.tagMultipliers, TagMultiplierSchema, []),
    returnWindowDays: row.returnWindowDays,
    firstOrderBonus: row.firstOrderBonus,
    birthdayBonus: row.birthdayBonus,
    surveyBonus: row.surveyBonus,
    referralBonus: row.referralBonus,
    referralFriendPercent: row.referralFriendPercent,
    expiryInactiveDays: row.expiryInactiveDays,
    expiryWarningDays: row.expiryWarningDays,
    tierBasis: row.tierBasis === "spend" ? "spend" : "points",
    tiers: parseList(row.tiers, TierSchema, []).sort((a, b) => a.threshold - b.threshold),
    rewards: parseList(row.rewards, RewardSchema, DEFAULT_REWARDS),
  };
}

/**
 * A list typed as JSON. Its issues carry what the settings page needs to word them: `params.json`
 * when the text is not JSON, else the entry and key at fault in the issue's path.
 */
const jsonList = <T>(schema: z.ZodType<T>, what: string) =>
  z.string().transform((text, context) => {
    try {
      const parsed = z.array(schema).safeParse(JSON.parse(text || "[]"));
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        context.addIssue({
          code: "custom",
          message: `${what}: ${issue.path.join(".")} ${issue.message}`,
          path: issue.path,
        });
      }
    } catch {
      context.addIssue({
        code: "custom",
        message: `${what} is not valid JSON`,
        params: { json: true },
      });
    }
    return z.NEVER;
  });

/** The program's numeric settings, as the settings form names them, and the range each accepts. */
export const NUMBER_RANGES = {
  pointsPerUnit: [1, 1000],
  returnWindowDays: [0, 365],
  firstOrderBonus: [0, 1_000_000],
  birthdayBonus: [0, 1_000_000],
  surveyBonus: [0, 1_000_000],
  referralBonus: [0, 1_000_000],
  referralFriendPercent: [0, 100],
  expiryInactiveDays: [0, 3650],
  expiryWarningDays: [0, 365],
} as const;
export type NumberField = keyof typeof NUMBER_RANGES;
export const NUMBER_FIELDS = Object.keys(NUMBER_RANGES) as NumberField[];

const wholeNumber = (field: NumberField) =>
  z.coerce.number().int().min(NUMBER_RANGES[field][0]).max(NUMBER_RANGES[field][1]);

/** The settings form, as submitted. */
export const ProgramInputSchema = z.object({
  enabled: z.boolean(),
  pointsPerUnit: wholeNumber("pointsPerUnit"),
  excludeShipping: z.boolean(),
  excludeTaxes: z.boolean(),
  excludeDiscounts: z.boolean(),
  returnWindowDays: wholeNumber("returnWindowDays"),
  firstOrderBonus: wholeNumber("firstOrderBonus"),
  birthdayBonus: wholeNumber("birthdayBonus"),
  surveyBonus: wholeNumber("surveyBonus"),
  referralBonus: wholeNumber("referralBonus"),
  referralFriendPercent: wholeNumber("referralFriendPercent"),
  expiryInactiveDays: wholeNumber("expiryInactiveDays"),
  expiryWarningDays: wholeNumber("expiryWarningDays"),
  tierBasis: z.enum(["points", "spend"]),
  tagMultipliers: jsonList(TagMultiplierSchema, "Tag multipliers"),
  tiers: jsonList(TierSchema, "Tiers"),
  rewards: jsonList(RewardSchema, "Rewards"),
});
export type ProgramInput = z.infer<typeof ProgramInputSchema>;

export const FLAGS = ["enabled", "excludeShipping", "excludeTaxes", "excludeDiscounts"] as const;

/** The settings form (checkboxes "on" when ticked, lists as JSON text) checked as a program. */
export function parseProgramForm(form: FormData) {
  return ProgramInputSchema.safeParse({
    ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, form.get(key)])),
    ...Object.fromEntries(FLAGS.map((key) => [key, form.get(key) === "on"])),
    tierBasis: form.get("tierBasis"),
    tagMultipliers: String(form.get("tagMultipliers") ?? "[]"),
    tiers: String(form.get("tiers") ?? "[]"),
    rewards: String(form.get("rewards") ?? "[]"),
  });
}
