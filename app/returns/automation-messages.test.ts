import { describe, expect, it } from "vitest";
import { AUTOMATION_MESSAGES, automationMessages } from "./automation-messages";

describe("the automatic refund card's words", () => {
  it("say when the refund runs and why it failed in every language", () => {
    for (const locale of Object.keys(AUTOMATION_MESSAGES) as (keyof typeof AUTOMATION_MESSAGES)[]) {
      const t = automationMessages(locale);
      expect(t("scheduled", { when: "5 Dec 2026, 18:00" })).toContain("5 Dec 2026, 18:00");
      expect(t("failed", { error: "Shopify refused" })).toContain("Shopify refused");
      for (const text of Object.values(AUTOMATION_MESSAGES[locale])) {
        expect(text).not.toMatch(/\{(?!when\}|error\})\w+\}/);
      }
    }
  });
});
