import { describe, expect, it } from "vitest";
import { AdjustmentSchema } from "./admin.server";
import { adjustmentIssue, entryLabel, loyaltyMessages, programIssue } from "./admin-messages";
import { parseProgramForm } from "./settings";

function refusal(fields: Record<string, string>, locale: "en" | "de") {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    pointsPerUnit: "1",
    tierBasis: "points",
    ...fields,
  }))
    form.set(name, value);
  const parsed = parseProgramForm(form);
  if (parsed.success) throw new Error("expected the form to be refused");
  return parsed.error.issues.map((issue) =>
    programIssue(loyaltyMessages(locale), locale, "EUR", issue),
  );
}

describe("a refused loyalty program, in the admin's language", () => {
  it("names the field as the page labels it, with the range a number takes", () => {
    expect(refusal({ pointsPerUnit: "2.5" }, "de")).toEqual([
      "Punkte pro 1 EUR: Geben Sie eine ganze Zahl von 1 bis 1.000 ein.",
    ]);
    expect(refusal({ expiryInactiveDays: "5000" }, "en")).toEqual([
      "Points expire after days without activity: enter a whole number from 0 to 3,650.",
    ]);
  });

  it("points at the entry and key of a list that is not right", () => {
    expect(refusal({ tiers: '[{"name": "Gold"}]' }, "de")).toEqual([
      "Stufen (JSON, niedrigste zuerst), Eintrag 1: „threshold“ fehlt oder ist ungültig.",
    ]);
    expect(refusal({ rewards: '{"id": "five"}', tagMultipliers: "[1]" }, "en")).toEqual([
      "Multipliers by product tag (JSON): entry 1 is not valid.",
      "Rewards (JSON): enter a JSON list, in square brackets [ ].",
    ]);
    expect(refusal({ tiers: "[" }, "en")).toEqual([
      "Tiers (JSON, lowest first): this is not valid JSON.",
    ]);
  });
});

describe("a refused points adjustment, in the admin's language", () => {
  const refused = (points: string, reason: string, locale: "en" | "fr") => {
    const parsed = AdjustmentSchema.safeParse({ points, reason, requestKey: "0123456789" });
    if (parsed.success) throw new Error("expected the adjustment to be refused");
    return parsed.error.issues.map((issue) =>
      adjustmentIssue(loyaltyMessages(locale), locale, issue),
    );
  };

  it("says what is wrong with the points and the reason", () => {
    expect(refused("0", "ok", "en")).toEqual([
      "Enter a number of points other than 0.",
      "Say why (at least 3 characters).",
    ]);
    expect(refused("-2000000", "Goodwill", "fr")).toEqual([
      "1\u202f000\u202f000 points au maximum à la fois.",
    ]);
    expect(refused("2.5", "x".repeat(301), "en")).toEqual([
      "Points are whole numbers.",
      "Keep the reason to 300 characters at most.",
    ]);
  });

  it("names ledger entries, and shows an unknown one as stored", () => {
    expect(entryLabel(loyaltyMessages("de"), "order", "earn")).toBe("Mit Bestellung gesammelt");
    expect(entryLabel(loyaltyMessages("de"), "gift", "earn")).toBe("gift earn");
  });
});
