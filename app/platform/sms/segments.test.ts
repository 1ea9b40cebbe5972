import { describe, expect, it } from "vitest";
import { countSegments, estimateCost } from "./segments";

// Cases from Twilio's "What the heck is a segment?" and GSM 03.38: 160 GSM-7 characters fit one
// segment and 153 fit each part of a longer one; one non-GSM character (an emoji, "ć") makes the
// whole body UCS-2 at 70 per segment and 67 per part; "€" and "^" are GSM-7 but count double.
describe("SMS segments", () => {
  it("counts GSM-7 bodies at 160, then 153 per segment", () => {
    expect(countSegments("a".repeat(160))).toEqual({
      encoding: "GSM-7",
      segments: 1,
      characters: 160,
    });
    expect(countSegments("a".repeat(161)).segments).toBe(2);
    expect(countSegments("a".repeat(306)).segments).toBe(2);
    expect(countSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts extension characters twice", () => {
    expect(countSegments("€".repeat(80)).segments).toBe(1);
    expect(countSegments("€".repeat(81)).segments).toBe(2);
  });

  it("switches the whole body to UCS-2 for one character outside GSM-7", () => {
    expect(countSegments("a".repeat(69) + "ć")).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(countSegments("a".repeat(70) + "ć").segments).toBe(2);
    expect(countSegments("Votre colis est arrivé 📦").encoding).toBe("UCS-2");
  });

  it("prices a body per segment", () => {
    expect(estimateCost("a".repeat(161), 83)).toMatchObject({ segments: 2, cost: 166 });
  });
});
