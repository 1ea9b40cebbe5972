/**
 * The statistics behind an experiment's verdict: treated minus held-out, with a 95 % interval.
 * Pure functions of counts and sums, so the admin page, a CSV and the tests agree on every figure.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;
/** z for 80 % power, the usual planning convention for a minimum detectable effect. */
const Z_POWER80 = 0.8416212335729143;

/**
 * Below this many customers in either arm nothing is concluded, whatever the interval says: the
 * normal approximations under both intervals are not to be trusted there.
 */
export const MIN_PER_ARM = 30;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson's score interval for x successes out of n (n > 0). */
export function wilson(x: number, n: number, z = Z95): Interval {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Proportion {
  /** Customers with the outcome (placed another order). */
  x: number;
  n: number;
}

export interface Difference {
  /** Treated minus held-out. */
  difference: number;
  interval: Interval;
}

/**
 * p₁ − p₂ with Newcombe's hybrid score interval (Newcombe 1998, method 10): each rate's Wilson
 * interval combined in quadrature. Unlike the Wald interval it stays inside −1…1 and keeps its
 * coverage for rates near 0 or 1 and for the small held-out arm a 10 % holdout makes.
 */
export function proportionDifference(treated: Proportion, heldOut: Proportion): Difference | null {
  if (treated.n === 0 || heldOut.n === 0) return null;
  const p1 = treated.x / treated.n;
  const p2 = heldOut.x / heldOut.n;
  const w1 = wilson(treated.x, treated.n);
  const w2 = wilson(heldOut.x, heldOut.n);
  const difference = p1 - p2;
  return {
    difference,
    interval: {
      low: difference - Math.hypot(p1 - w1.low, w2.high - p2),
      high: difference + Math.hypot(w1.high - p1, p2 - w2.low),
    },
  };
}

/** A per-customer figure summed over an arm: its count, sum and sum of squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSquares: number;
}

export function mean(m: Moments) {
  return m.sum / m.n;
}

/** The sample variance (n − 1 in the denominator). */
export function variance(m: Moments) {
  return m.n < 2 ? 0 : Math.max(0, (m.sumSquares - (m.sum * m.sum) / m.n) / (m.n - 1));
}

/**
 * Mean₁ − mean₂ with Welch's interval: each arm keeps its own variance (a 10 % holdout's arm is
 * small and its revenue spread need not match the treated one's), and the t quantile takes the
 * Welch–Satterthwaite degrees of freedom.
 */
export function meanDifference(
  treated: Moments,
  heldOut: Moments,
): (Difference & { degreesOfFreedom: number }) | null {
  // One customer has no spread to measure; the interval needs two per arm.
  if (treated.n < 2 || heldOut.n < 2) return null;
  const difference = mean(treated) - mean(heldOut);
  const a = variance(treated) / treated.n;
  const b = variance(heldOut) / heldOut.n;
  const standardError = Math.sqrt(a + b);
  if (standardError === 0) {
    return {
      difference,
      interval: { low: difference, high: difference },
      degreesOfFreedom: Infinity,
    };
  }
  const degreesOfFreedom = (a + b) ** 2 / (a ** 2 / (treated.n - 1) + b ** 2 / (heldOut.n - 1));
  const half = tQuantile(0.975, degreesOfFreedom) * standardError;
  return {
    difference,
    interval: { low: difference - half, high: difference + half },
    degreesOfFreedom,
  };
}

/**
 * Customers each arm needs for an absolute difference `effect` to be found 80 % of the time at
 * the 5 % level, given the two arms' summed per-customer variance (for a rate p: 2·p(1 − p)).
 */
export function requiredPerArm(summedVariance: number, effect: number) {
  return Math.ceil(((Z95 + Z_POWER80) ** 2 * summedVariance) / (effect * effect));
}

export type Verdict = "too_small" | "no_difference" | "higher" | "lower";

/**
 * What the page says: an interval clear of zero is a difference; one spanning zero is "no
 * difference" only when both arms reached the size the minimum detectable effect needs, and "too
 * small to conclude" otherwise. Arms under MIN_PER_ARM conclude nothing.
 */
export function verdict(interval: Interval, smallerArm: number, required: number): Verdict {
  if (smallerArm < MIN_PER_ARM) return "too_small";
  if (interval.low > 0) return "higher";
  if (interval.high < 0) return "lower";
  return smallerArm >= required ? "no_difference" : "too_small";
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the regularized incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const term of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + term * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + term / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** I_x(a, b), the regularized incomplete beta function. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` (real, > 0) degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (p > 0.5, df > 0), by bisection on the distribution function. */
export function tQuantile(p: number, df: number): number {
  let low = 0;
  let high = 1;
  while (tCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const middle = (low + high) / 2;
    if (tCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
