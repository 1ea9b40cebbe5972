import { share } from "./kpi";

/**
 * Cohorts split by what happened after the first purchase, so a merchant sees what a late
 * delivery, a return, an unhappy answer or a loyalty membership is worth in later orders. Each
 * new customer is counted once per family, in the segment their first order put them in:
 *
 * - delivery: the first order's parcels against the first date promised (late if any came after it);
 * - return: whether the first order had a return (not declined or cancelled);
 * - nps: the group of their first NPS answer;
 * - loyalty: whether they are a loyalty member.
 *
 * A customer with nothing to say in a family (no promised date, no answer) is left out of it.
 */
export const EXPERIENCE_SEGMENTS = {
  delivery: ["late", "on_time"],
  return: ["returned", "kept"],
  nps: ["promoter", "passive", "detractor"],
  loyalty: ["member", "not_member"],
} as const;
export type ExperienceFamily = keyof typeof EXPERIENCE_SEGMENTS;
export type ExperienceSegment = `${ExperienceFamily}:${string}`;

/** The months since the first order the split is read at: repeat rate and revenue per customer. */
export const EXPERIENCE_MONTHS = [3, 6, 12] as const;

export interface CustomerExperience {
  /** Delivered first-order parcels that had a promise: any after its first promised date. */
  firstDelivery: "late" | "on_time" | null;
  firstOrderReturned: boolean;
  firstNps: "promoter" | "passive" | "detractor" | null;
  member: boolean;
}

/** The segments a customer belongs to, one per family that has something to say. */
export function experienceSegments(experience: CustomerExperience): ExperienceSegment[] {
  return [
    ...(experience.firstDelivery ? [`delivery:${experience.firstDelivery}` as const] : []),
    experience.firstOrderReturned ? "return:returned" : "return:kept",
    ...(experience.firstNps ? [`nps:${experience.firstNps}` as const] : []),
    experience.member ? "loyalty:member" : "loyalty:not_member",
  ];
}

/** Rollup rows summed by cohort month: `dimension` is "<segment>" or "<segment>|<month>". */
export interface ExperienceRow {
  month: string;
  metric: "customers" | "repeaters" | "revenue";
  dimension: string;
  total: number;
}

export interface ExperienceSplit {
  segment: ExperienceSegment;
  customers: number;
  /** By EXPERIENCE_MONTHS: share who had ordered again, and net revenue per customer (minor units). */
  repeatRate: (number | null)[];
  revenuePerCustomer: (number | null)[];
}

/** Months from `month` ("2026-03") to `current`, counting both: how much of a cohort's life is known. */
function elapsedMonths(month: string, current: string) {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const [cy, cm] = current.split("-").map(Number) as [number, number];
  return (cy - year) * 12 + (cm - m) + 1;
}

/**
 * Each segment's figures over the cohorts old enough for each month: a cohort three months old
 * says nothing yet about month 12, so it is left out of that column rather than counted as
 * customers who never came back.
 */
export function experienceSplit(rows: ExperienceRow[], currentMonth: string): ExperienceSplit[] {
  const customers = new Map<string, Map<string, number>>();
  const figures = new Map<string, number>();
  for (const row of rows) {
    if (row.metric === "customers") {
      const byMonth = customers.get(row.dimension) ?? new Map<string, number>();
      byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.total);
      customers.set(row.dimension, byMonth);
    } else {
      const key = `${row.metric}|${row.dimension}|${row.month}`;
      figures.set(key, (figures.get(key) ?? 0) + row.total);
    }
  }
  const split: ExperienceSplit[] = [];
  for (const [family, segments] of Object.entries(EXPERIENCE_SEGMENTS)) {
    for (const name of segments) {
      const segment = `${family}:${name}` as ExperienceSegment;
      const byMonth = customers.get(segment);
      if (!byMonth) continue;
      const column = (metric: "repeaters" | "revenue", months: number) => {
        let base = 0;
        let sum = 0;
        for (const [month, count] of byMonth) {
          if (elapsedMonths(month, currentMonth) < months) continue;
          base += count;
          sum += figures.get(`${metric}|${segment}|${months}|${month}`) ?? 0;
        }
        return share(sum, base);
      };
      split.push({
        segment,
        customers: [...byMonth.values()].reduce((a, b) => a + b, 0),
        repeatRate: EXPERIENCE_MONTHS.map((months) => column("repeaters", months)),
        revenuePerCustomer: EXPERIENCE_MONTHS.map((months) => column("revenue", months)),
      });
    }
  }
  return split;
}
