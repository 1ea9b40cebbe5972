import { describe, expect, it } from "vitest";
import { loyaltyMessages, programIssue } from "./admin-messages";
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
