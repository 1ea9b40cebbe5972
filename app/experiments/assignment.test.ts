import { describe, expect, it } from "vitest";
import { armOf } from "./assignment";

const customers = Array.from({ length: 20_000 }, (_, i) => String(7_000_000_000_000 + i));

describe("armOf", () => {
  it("gives a customer the same arm every time", () => {
    const first = customers.map((id) => armOf("exp-a", id, 10));
    expect(customers.map((id) => armOf("exp-a", id, 10))).toEqual(first);
  });

  it.each([10, 25, 50])("holds out about %i % of customers", (percent) => {
    const held = customers.filter((id) => armOf("exp-a", id, percent) === "holdout").length;
    // 20,000 draws: the binomial's standard deviation is at most 71 customers (0.35 points), so
    // 1.5 points either way is more than four of them; the hash is fixed, so this never flakes.
    expect(Math.abs(held / customers.length - percent / 100)).toBeLessThan(0.015);
  });

  it("splits each experiment on its own", () => {
    const heldA = new Set(customers.filter((id) => armOf("exp-a", id, 50) === "holdout"));
    const heldB = customers.filter((id) => armOf("exp-b", id, 50) === "holdout");
    const both = heldB.filter((id) => heldA.has(id)).length;
    // Independent halves overlap on about a quarter of the customers, not on all of them.
    expect(both / customers.length).toBeGreaterThan(0.22);
    expect(both / customers.length).toBeLessThan(0.28);
  });

  it("holds out nobody at 0 % and everybody at 100 %", () => {
    expect(customers.slice(0, 500).every((id) => armOf("exp-a", id, 0) === "treated")).toBe(true);
    expect(customers.slice(0, 500).every((id) => armOf("exp-a", id, 100) === "holdout")).toBe(true);
  });
});
