import { describe, expect, it } from "vitest";
import {
  meanDifference,
  MIN_PER_ARM,
  proportionDifference,
  requiredPerArm,
  tQuantile,
  verdict,
  wilson,
} from "./stats";

describe("Wilson's interval", () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion", Stat Med 1998;17:857,
  // Table I, method 3 (score): 81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605, 0/20 → 0–0.1611.
  // By hand for 81/263: p = 0.30798, z² = 3.8415; centre = (p + z²/2n) / (1 + z²/n)
  // = (0.30798 + 0.0073031) / 1.0146062 = 0.31074; half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)
  // = 1.93176 · √(0.00081051 + 0.0000138843) = 1.93176 · 0.028715 = 0.05547 → 0.2553–0.3662.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
  ])("%i/%i → %f–%f", (x, n, low, high) => {
    const interval = wilson(x, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });
});

describe("difference of proportions (Newcombe's hybrid score interval)", () => {
  // Newcombe, "Interval estimation for the difference between independent proportions", Stat
  // Med 1998;17:873, Table II, method 10. By hand for (a) 56/70 − 48/80:
  // p₁ = 0.8, Wilson(56/70) = 0.6917–0.8769; p₂ = 0.6, Wilson(48/80) = 0.4904–0.7003.
  // low  = 0.2 − √((0.8 − 0.6917)² + (0.7003 − 0.6)²) = 0.2 − √(0.011729 + 0.010060) = 0.0524
  // high = 0.2 + √((0.8769 − 0.8)² + (0.6 − 0.4904)²) = 0.2 + √(0.005914 + 0.012012) = 0.3339
  it.each([
    ["(a)", 56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    ["(b)", 9, 10, 3, 10, 0.6, 0.1705, 0.809],
    ["(e)", 5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
  ])("Newcombe's example %s", (_, x1, n1, x2, n2, difference, low, high) => {
    const result = proportionDifference({ x: x1, n: n1 }, { x: x2, n: n2 })!;
    expect(result.difference).toBeCloseTo(difference, 4);
    expect(result.interval.low).toBeCloseTo(low, 4);
    expect(result.interval.high).toBeCloseTo(high, 4);
  });

  it("has nothing to say about an empty arm", () => {
    expect(proportionDifference({ x: 3, n: 10 }, { x: 0, n: 0 })).toBeNull();
  });
});

describe("Student's t quantile", () => {
  // Printed t tables, two-sided 95 %: df 1 → 12.706, 2 → 4.303, 6 → 2.447, 10 → 2.228, 30 → 2.042.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [6, 2.4469],
    [10, 2.2281],
    [30, 2.0423],
    [1000, 1.9623],
  ])("t(0.975, %i) = %f", (df, t) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(t, 4);
  });
});

describe("difference of means (Welch)", () => {
  // Treated 2, 4, 6, 8 (mean 5, s² = 20/3); held out 1, 3, 5, 7 (mean 4, s² = 20/3).
  // SE = √(20/3/4 + 20/3/4) = √(10/3) = 1.825742; df = (10/3)² / (2 · (5/3)² / 3) = 6;
  // t(0.975, 6) = 2.446912 → 1 ± 4.467429 = −3.467429 … 5.467429.
  it("equal arms: the hand computation", () => {
    const result = meanDifference(
      { n: 4, sum: 20, sumSquares: 4 + 16 + 36 + 64 },
      { n: 4, sum: 16, sumSquares: 1 + 9 + 25 + 49 },
    )!;
    expect(result.difference).toBe(1);
    expect(result.degreesOfFreedom).toBeCloseTo(6, 10);
    expect(result.interval.low).toBeCloseTo(-3.467429, 5);
    expect(result.interval.high).toBeCloseTo(5.467429, 5);
  });

  // Treated 10, 20, 30 (mean 20, s² = 100); held out 5, 15 (mean 10, s² = 50).
  // a = 100/3 = 33.333, b = 50/2 = 25; SE = √58.333 = 7.637626;
  // df = 58.333² / (33.333²/2 + 25²/1) = 3402.78 / 1180.56 = 2.882353;
  // t(0.975, 2.882353) = 3.257176 (scipy.stats.t.ppf) → 10 ± 24.877338 = −14.877338 … 34.877338,
  // as scipy.stats.ttest_ind([10, 20, 30], [5, 15], equal_var=False).confidence_interval() gives.
  it("unequal arms and variances: fractional degrees of freedom", () => {
    const result = meanDifference(
      { n: 3, sum: 60, sumSquares: 100 + 400 + 900 },
      { n: 2, sum: 20, sumSquares: 25 + 225 },
    )!;
    expect(result.degreesOfFreedom).toBeCloseTo(2.882353, 5);
    expect(result.interval.low).toBeCloseTo(-14.877338, 4);
    expect(result.interval.high).toBeCloseTo(34.877338, 4);
  });

  it("needs two customers per arm", () => {
    expect(meanDifference({ n: 1, sum: 5, sumSquares: 25 }, { n: 5, sum: 5, sumSquares: 5 })).toBe(
      null,
    );
  });
});

describe("minimum sample and verdict", () => {
  // A 20 % repeat rate and a 5-point effect: (1.959964 + 0.841621)² · 2 · 0.2 · 0.8 / 0.05²
  // = 7.848879 · 0.32 / 0.0025 = 1004.66 → 1005 customers per arm.
  it("sizes an arm for a minimum detectable effect", () => {
    expect(requiredPerArm(2 * 0.2 * 0.8, 0.05)).toBe(1005);
  });

  it.each([
    [
      "under the floor, even clear of zero",
      { low: 0.1, high: 0.3 },
      MIN_PER_ARM - 1,
      10,
      "too_small",
    ],
    ["clear of zero above", { low: 0.01, high: 0.3 }, 100, 1005, "higher"],
    ["clear of zero below", { low: -0.3, high: -0.01 }, 100, 1005, "lower"],
    ["spans zero, arms too small", { low: -0.1, high: 0.2 }, 1004, 1005, "too_small"],
    ["spans zero, arms large enough", { low: -0.01, high: 0.02 }, 1005, 1005, "no_difference"],
  ] as const)("%s", (_, interval, smallerArm, required, expected) => {
    expect(verdict(interval, smallerArm, required)).toBe(expected);
  });
});
