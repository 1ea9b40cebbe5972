import type { Program, Tier } from "./settings";

export function tierOf(program: Program, name: string | null | undefined): Tier | null {
  return program.tiers.find((tier) => tier.name === name) ?? null;
}

/** The highest tier whose threshold the qualifying value (points or spend, 12 months) reaches. */
export function tierFor(program: Program, qualifying: number): Tier | null {
  let reached: Tier | null = null;
  for (const tier of program.tiers) {
    if (qualifying >= tier.threshold && (!reached || tier.threshold >= reached.threshold)) {
      reached = tier;
    }
  }
  return reached;
}

export type TierMove = "promotion" | "demotion" | null;

export function tierMove(program: Program, from: string | null, to: string | null): TierMove {
  if (from === to) return null;
  const rank = (name: string | null) =>
    name === null ? -1 : program.tiers.findIndex((tier) => tier.name === name);
  return rank(to) > rank(from) ? "promotion" : "demotion";
}

/** The next tier up and how much more it takes, for the shopper's page. */
export function nextTier(program: Program, qualifying: number) {
  const next = program.tiers.find((tier) => tier.threshold > qualifying);
  return next ? { tier: next, remaining: next.threshold - qualifying } : null;
}
